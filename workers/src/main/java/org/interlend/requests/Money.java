package org.interlend.requests;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Amounts as staff and patrons read them: "HK$1,234.50". */
public final class Money {

  private Money() {}

  /** An amount in Hong Kong dollars, e.g. "HK$1,234.50"; "" for none. */
  public static String hkd(Object amount) {
    BigDecimal value = decimal(amount);
    return value == null ? "" : "HK$" + grouped(value);
  }

  /** An amount in another currency, e.g. "GBP 1,234.50". */
  public static String of(String currency, Object amount) {
    BigDecimal value = decimal(amount);
    if (value == null) {
      return "";
    }
    return "HKD".equals(currency) ? hkd(value) : currency + " " + grouped(value);
  }

  private static String grouped(BigDecimal value) {
    DecimalFormat format =
        new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format.format(value);
  }

  private static BigDecimal decimal(Object amount) {
    if (amount == null) {
      return null;
    }
    if (amount instanceof BigDecimal b) {
      return b;
    }
    String text = amount.toString().strip().replace(",", "");
    if (text.isEmpty()) {
      return null;
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}

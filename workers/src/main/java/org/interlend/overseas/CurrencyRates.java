package org.interlend.overseas;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Converts partners' prices to Hong Kong dollars with a configured rate table: {@code
 * interlend.overseas.rates.<CUR>} is the number of HK$ for one unit of the currency (environment:
 * {@code INTERLEND_OVERSEAS_RATES_USD=7.80}). The defaults below are indicative; a library sets the
 * rates its finance office uses.
 */
@Component
public class CurrencyRates {

  /** HK$ per unit: indicative defaults, overridable per currency. */
  static final Map<String, BigDecimal> DEFAULTS =
      Map.of(
          "HKD", BigDecimal.ONE,
          "USD", new BigDecimal("7.80"),
          "GBP", new BigDecimal("9.90"),
          "EUR", new BigDecimal("8.50"),
          "CNY", new BigDecimal("1.08"),
          "JPY", new BigDecimal("0.052"));

  private final Environment env;

  public CurrencyRates(Environment env) {
    this.env = env;
  }

  /** HK$ for one unit of the currency. */
  public BigDecimal rate(String currency) {
    String code = normalise(currency);
    String configured = env.getProperty("interlend.overseas.rates." + code);
    if (configured != null && !configured.isBlank()) {
      BigDecimal rate;
      try {
        rate = new BigDecimal(configured.strip());
      } catch (NumberFormatException e) {
        throw new IllegalStateException(
            "interlend.overseas.rates." + code + " is not a number: " + configured);
      }
      if (rate.signum() <= 0) {
        throw new IllegalStateException("interlend.overseas.rates." + code + " must be positive");
      }
      return rate;
    }
    BigDecimal rate = DEFAULTS.get(code);
    if (rate == null) {
      throw new IllegalArgumentException(
          "no exchange rate for " + code + ": set interlend.overseas.rates." + code);
    }
    return rate;
  }

  /** The amount in HK$, rounded to cents. */
  public BigDecimal toHkd(BigDecimal amount, String currency) {
    if (amount == null || amount.signum() < 0) {
      throw new IllegalArgumentException("a cost must be zero or more, not " + amount);
    }
    return amount.multiply(rate(currency)).setScale(2, RoundingMode.HALF_UP);
  }

  /** Currencies with a rate (defaults and configured ones are not enumerated: defaults only). */
  public Set<String> knownCurrencies() {
    return new TreeSet<>(DEFAULTS.keySet());
  }

  private static String normalise(String currency) {
    if (currency == null || !currency.strip().matches("[A-Za-z]{3}")) {
      throw new IllegalArgumentException("not a currency code: " + currency);
    }
    return currency.strip().toUpperCase(Locale.ROOT);
  }
}

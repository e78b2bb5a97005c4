package org.interlend.overseas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class CurrencyRatesTest {

  @Test
  void convertsWithTheDefaultRatesRoundedToCents() {
    CurrencyRates rates = new CurrencyRates(new MockEnvironment());
    assertThat(rates.toHkd(new BigDecimal("50"), "USD")).isEqualByComparingTo("390.00");
    assertThat(rates.toHkd(new BigDecimal("200"), "GBP")).isEqualByComparingTo("1980.00");
    assertThat(rates.toHkd(new BigDecimal("30"), "eur")).isEqualByComparingTo("255.00");
    assertThat(rates.toHkd(new BigDecimal("300"), "CNY")).isEqualByComparingTo("324.00");
    assertThat(rates.toHkd(new BigDecimal("1234"), "JPY")).isEqualByComparingTo("64.17");
    assertThat(rates.toHkd(new BigDecimal("99.99"), "HKD")).isEqualByComparingTo("99.99");
    assertThat(rates.toHkd(BigDecimal.ZERO, "USD")).isEqualByComparingTo("0");
  }

  @Test
  void aConfiguredRateOverridesTheDefaultAndAddsCurrencies() {
    MockEnvironment env =
        new MockEnvironment()
            .withProperty("interlend.overseas.rates.USD", "7.75")
            .withProperty("interlend.overseas.rates.AUD", "5.10");
    CurrencyRates rates = new CurrencyRates(env);
    assertThat(rates.toHkd(new BigDecimal("100"), "USD")).isEqualByComparingTo("775.00");
    assertThat(rates.toHkd(new BigDecimal("10"), "AUD")).isEqualByComparingTo("51.00");
    assertThat(rates.rate("GBP")).isEqualByComparingTo("9.90");
  }

  @Test
  void unknownCurrenciesBadRatesAndNegativeCostsAreRefusedClearly() {
    CurrencyRates rates = new CurrencyRates(new MockEnvironment());
    assertThatThrownBy(() -> rates.toHkd(BigDecimal.TEN, "CHF"))
        .hasMessageContaining("no exchange rate for CHF")
        .hasMessageContaining("interlend.overseas.rates.CHF");
    assertThatThrownBy(() -> rates.toHkd(BigDecimal.TEN, "dollars"))
        .hasMessageContaining("not a currency code");
    assertThatThrownBy(() -> rates.toHkd(new BigDecimal("-1"), "USD"))
        .hasMessageContaining("zero or more");
    CurrencyRates broken =
        new CurrencyRates(
            new MockEnvironment().withProperty("interlend.overseas.rates.EUR", "eight"));
    assertThatThrownBy(() -> broken.rate("EUR"))
        .hasMessageContaining("interlend.overseas.rates.EUR");
    CurrencyRates zero =
        new CurrencyRates(new MockEnvironment().withProperty("interlend.overseas.rates.EUR", "0"));
    assertThatThrownBy(() -> zero.rate("EUR")).hasMessageContaining("must be positive");
  }
}

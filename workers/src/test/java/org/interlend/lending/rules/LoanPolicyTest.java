package org.interlend.lending.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class LoanPolicyTest {

  @Test
  void hkallDefaultsComeFromTheSeeds() {
    LoanPolicy policy = LoanPolicy.hkall(LoanPolicy.LONG_LOAN_DAYS);

    assertThat(policy)
        .isEqualTo(
            new LoanPolicy(
                30, 2, 7, 15, 7, new BigDecimal("2.00"), new BigDecimal("4.00"), null, true));
  }

  @Test
  void amountsAreNormalisedToCents() {
    LoanPolicy policy =
        new LoanPolicy(
            15,
            2,
            7,
            15,
            7,
            new BigDecimal("2"),
            new BigDecimal("4.0"),
            new BigDecimal("100"),
            true);

    assertThat(policy.finePerDay()).isEqualTo("2.00");
    assertThat(policy.recalledFinePerDay()).isEqualTo("4.00");
    assertThat(policy.fineCap()).isEqualTo("100.00");
  }

  @Test
  void rejectsNonsense() {
    assertThatIllegalArgumentException().isThrownBy(() -> LoanPolicy.hkall(0));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> LoanPolicy.hkall(15).withFineCap(new BigDecimal("-1")));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> LoanPolicy.hkall(15).withFineCap(new BigDecimal("1.005")));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> LoanPolicy.hkall(15).withRecallNoticeDays(-1));
  }
}

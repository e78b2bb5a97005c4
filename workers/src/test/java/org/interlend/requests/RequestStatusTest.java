package org.interlend.requests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ISO 18626 statuses (on today's main LOST was LoanCompleted and AWAITING APPROVAL
 * RetryPossible).
 */
class RequestStatusTest {

  @ParameterizedTest
  @CsvSource(
      nullValues = "none",
      value = {
        "LOST, CompletedWithoutReturn",
        "DAMAGED, Loaned",
        "COMPLETED, LoanCompleted",
        "AWAITING_APPROVAL, none",
        "AWAITING_PATRON, none",
        "UNCLAIMED, LoanCompleted"
      })
  void iso18626(RequestStatus status, String iso) {
    assertThat(status.iso18626()).isEqualTo(iso);
  }
}

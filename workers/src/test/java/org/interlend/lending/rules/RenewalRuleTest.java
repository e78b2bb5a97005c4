package org.interlend.lending.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.interlend.lending.rules.RenewalDecision.Granted;
import org.interlend.lending.rules.RenewalDecision.Reason;
import org.interlend.lending.rules.RenewalDecision.Refused;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RenewalRuleTest {

  // Checked out 1 March 2026 in Hong Kong on a 15-day loan: due 16 March, window opens 9 March.
  private static final Instant CHECKOUT = Instant.parse("2026-03-01T02:00:00Z");
  private static final LoanPolicy POLICY = LoanPolicy.hkall(15);

  @ParameterizedTest(name = "[{index}] {7}: {5}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
            # due      | used | recalled at          | lender | today      | expected         | new due    | case
            2026-03-16 | 0    | -                    | true   | 2026-03-09 | GRANTED          | 2026-03-31 | first day of the window (due - 7)
            2026-03-16 | 0    | -                    | true   | 2026-03-16 | GRANTED          | 2026-03-31 | on the due date
            2026-03-31 | 1    | -                    | true   | 2026-03-28 | GRANTED          | 2026-04-15 | second renewal runs on from the current due date
            2026-04-15 | 2    | -                    | true   | 2026-04-14 | LIMIT_REACHED    | -          | third renewal
            2026-03-16 | 0    | -                    | true   | 2026-03-08 | OUTSIDE_WINDOW   | -          | one day before the window opens
            2026-03-16 | 0    | -                    | true   | 2026-03-02 | OUTSIDE_WINDOW   | -          | day after checkout
            2026-03-16 | 0    | -                    | true   | 2026-03-17 | OVERDUE          | -          | the day after the due date
            2026-03-16 | 1    | -                    | true   | 2026-04-30 | OVERDUE          | -          | long overdue
            2026-03-16 | 0    | 2026-03-05T02:00:00Z | true   | 2026-03-12 | RECALLED         | -          | recalled while inside the window
            2026-03-16 | 0    | -                    | false  | 2026-03-12 | LENDER_DISALLOWS | -          | lender disallows renewals
            2026-03-16 | 2    | 2026-03-05T02:00:00Z | false  | 2026-03-20 | LENDER_DISALLOWS | -          | lender policy is reported first
            2026-03-16 | 2    | 2026-03-05T02:00:00Z | true   | 2026-03-20 | RECALLED         | -          | recall outranks the limit
            2026-03-16 | 2    | -                    | true   | 2026-03-20 | LIMIT_REACHED    | -          | limit outranks overdue
            """)
  void decides(
      LocalDate due,
      int used,
      Instant recalledAt,
      boolean lenderAllows,
      LocalDate today,
      String expected,
      LocalDate newDue,
      String description) {
    Loan loan = new Loan(CHECKOUT, due, 15, used, recalledAt);
    RenewalRule rule = new RenewalRule(POLICY.withLenderAllowsRenewal(lenderAllows));

    RenewalDecision decision = rule.decide(loan, today);

    if (expected.equals("GRANTED")) {
      assertThat(decision).isInstanceOf(Granted.class);
      Loan renewed = ((Granted) decision).loan();
      assertThat(renewed.dueDate()).isEqualTo(newDue);
      assertThat(renewed.renewalsUsed()).isEqualTo(used + 1);
      assertThat(renewed.checkoutAt()).isEqualTo(CHECKOUT);
    } else {
      assertThat(decision).isInstanceOf(Refused.class);
      assertThat(((Refused) decision).reason()).isEqualTo(Reason.valueOf(expected));
      assertThat(((Refused) decision).message()).isNotBlank();
    }
  }

  @Test
  void twoRenewalsInsideTheWindowThenTheThirdIsRefused() {
    RenewalRule rule = new RenewalRule(LoanPolicy.hkall(30));
    Loan loan = Loan.checkOut(CHECKOUT, LoanPolicy.hkall(30)); // due 31 March

    Loan first = granted(rule.decide(loan, LocalDate.parse("2026-03-25")));
    assertThat(first.dueDate()).isEqualTo(LocalDate.parse("2026-04-30"));

    Loan second = granted(rule.decide(first, LocalDate.parse("2026-04-30")));
    assertThat(second.dueDate()).isEqualTo(LocalDate.parse("2026-05-30"));
    assertThat(second.renewalsUsed()).isEqualTo(2);

    RenewalDecision third = rule.decide(second, LocalDate.parse("2026-05-28"));
    assertThat(third)
        .isEqualTo(
            new Refused(
                Reason.LIMIT_REACHED,
                "This item has already been renewed 2 time(s), the most allowed (2)."));
    assertThat(third.granted()).isFalse();
  }

  @Test
  void requestTimeIsTakenAsTheHongKongDate() {
    RenewalRule rule = new RenewalRule(POLICY);
    Loan loan = Loan.checkOut(CHECKOUT, POLICY); // due 16 March

    // 16 March 23:30 in Hong Kong is still the due date ...
    assertThat(
            rule.decide(loan, OffsetDateTime.parse("2026-03-16T23:30+08:00").toInstant()).granted())
        .isTrue();
    // ... but 16 March 23:30 UTC is 17 March in Hong Kong.
    assertThat(rule.decide(loan, Instant.parse("2026-03-16T23:30:00Z")))
        .extracting(d -> ((Refused) d).reason())
        .isEqualTo(Reason.OVERDUE);
  }

  @Test
  void messagesSayWhy() {
    RenewalRule rule = new RenewalRule(POLICY);
    Loan loan = Loan.checkOut(CHECKOUT, POLICY);

    assertThat(refused(rule.decide(loan, LocalDate.parse("2026-03-17"))).message())
        .contains("overdue", "cannot be renewed online", "2026-03-16");
    assertThat(refused(rule.decide(loan, LocalDate.parse("2026-03-02"))).message())
        .contains("too early", "2026-03-09");
    Loan recalled = new RecallRule(POLICY).recall(loan, Instant.parse("2026-03-10T02:00:00Z"));
    assertThat(refused(rule.decide(recalled, LocalDate.parse("2026-03-12"))).message())
        .contains("recalled", "2026-03-16");
    assertThat(
            refused(
                    new RenewalRule(POLICY.withLenderAllowsRenewal(false))
                        .decide(loan, LocalDate.parse("2026-03-12")))
                .message())
        .contains("lending library does not allow renewals");
  }

  private static Loan granted(RenewalDecision decision) {
    assertThat(decision).isInstanceOf(Granted.class);
    return ((Granted) decision).loan();
  }

  private static Refused refused(RenewalDecision decision) {
    assertThat(decision).isInstanceOf(Refused.class);
    return (Refused) decision;
  }
}

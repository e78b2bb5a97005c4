package org.interlend.workflows.lending;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.interlend.requests.RequestStatus;
import org.junit.jupiter.api.Test;

/** The home library's calendar in the loan lifecycle, and fines around a recall. */
class LoanCalendarProcessTest extends LoanLifecycleBaseTest {

  @Test
  void aDueDateOnADayTheHomeLibraryIsClosedMovesToItsNextOpeningDay() {
    String home = library("cal-" + UUID.randomUUID().toString().substring(0, 8));
    Borrower b = borrower(15, home);
    var today = org.interlend.calendar.LibraryCalendar.dateOf(engineNow());
    // closed on the 15th and 16th day from today (a holiday and the day after)
    jdbc.update(
        "insert into library_closed_day (library_code, day, reason) values (?, ?, 'Test holiday'),"
            + " (?, ?, 'Test holiday')",
        home,
        today.plusDays(15),
        home,
        today.plusDays(16));

    TestLoan l = checkOut("hku", 15, b);

    assertThat(loan(l).dueDate()).isEqualTo(l.checkoutDate().plusDays(17));
    // not overdue on the closed days
    engine.increaseTime(Duration.ofDays(17));
    assertThat(requests.get(l.requestId()).status()).isEqualTo(RequestStatus.ON_LOAN);
    engine.increaseTime(Duration.ofDays(1));
    awaitStatus(l, RequestStatus.OVERDUE);
  }

  /**
   * On today's main every overdue day of a recalled loan was charged HK$4.00, before the recall
   * too.
   */
  @Test
  void aLoanRecalledWhileOverdueIsFinedTheNormalRateUntilTheRecallDate() {
    TestLoan l = checkOut("hku", 15);
    var d0 = l.checkoutDate();
    engine.increaseTime(Duration.ofDays(20)); // day 20: overdue since d0+16
    awaitStatus(l, RequestStatus.OVERDUE);
    awaitMails(l, "Overdue", 1);
    var recalled = desk.recall(l.requestId(), "staff-hku", WAIT);
    assertThat(recalled)
        .as(
            "recall; elements "
                + projection.completedElements(l.instance())
                + " incidents "
                + projection.openIncidents(l.instance())
                + " vars "
                + projection.variables(l.instance()))
        .isPresent();
    engine.increaseTime(Duration.ofDays(3)); // day 23
    desk.checkIn(l.requestId(), "staff-cityu", WAIT).orElseThrow();
    awaitCompleted(l.instance());

    // d0+16 .. d0+19 at HK$2.00 (4 days), d0+20 .. d0+23 at HK$4.00 (4 days)
    assertThat(ledger.forLoan(l.requestId()))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.amount()).isEqualByComparingTo("24.00");
              assertThat(f.description())
                  .contains("8 day(s): 4 at HK$2.00/day, then 4 from the recall at HK$4.00/day");
            });
    assertThat(d0).isNotNull();
  }
}

package org.interlend.workflows.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import org.interlend.lending.lifecycle.LoanLifecycleWorkers;
import org.interlend.lending.lifecycle.PatronLoan;
import org.interlend.lending.lifecycle.Renewal;
import org.interlend.requests.RequestStatus;
import org.interlend.texts.PatronTexts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Renewals through the running process, with engine time travel. */
class LoanLifecycleRenewalTest extends LoanLifecycleBaseTest {

  @Autowired LoanLifecycleWorkers workers;
  @Autowired PatronTexts texts;

  @Test
  void storesTheLoanDueLoanDaysAfterTheHongKongCheckoutDateAndWaits() {
    TestLoan l = checkOut("hku", 15);

    PatronLoan loan = loan(l);
    assertThat(loan.dueDate()).isEqualTo(l.checkoutDate().plusDays(15));
    assertThat(loan.renewalsUsed()).isZero();
    assertThat(loan.recalled()).isFalse();
    assertThat(loan.returnedAt()).isNull();
    assertThat(requests.history(l.requestId()).getLast().note()).isEqualTo("Due " + loan.dueDate());
    assertThat(projection.completed(l.instance())).isFalse();
  }

  /**
   * A patron who reads Traditional Chinese gets the renewal mail in Chinese, with the lender's
   * Chinese name and the due date as it is; the history note reads in Chinese for them.
   */
  @Test
  void aChineseSpeakingPatronsRenewalMailAndNoteAreInChinese() throws Exception {
    Borrower b = borrower(15);
    jdbc.update("update patron set language = 'zh-TW' where id = ?", b.patronId());
    TestLoan l = checkOut("hku", 15, b);
    var d0 = l.checkoutDate();

    engine.increaseTime(Duration.ofDays(9));
    assertThat(desk.renew(l.requestId(), WAIT).orElseThrow().granted()).isTrue();
    awaitMails(l, "已續借", 1);
    String body = body(mails(l, "已續借").getFirst());
    assertThat(body)
        .contains("香港大學圖書館")
        .contains("新到期日：" + d0.plusDays(30))
        .contains(l.requestId())
        .doesNotContain("The University of Hong Kong");
    var note = requests.history(l.requestId()).getLast();
    assertThat(note.note()).isEqualTo("Renewed until " + d0.plusDays(30));
    assertThat(texts.render(note.text(), PatronTexts.CHINESE)).isEqualTo("已續借至 " + d0.plusDays(30));
  }

  @Test
  void renewsTwiceInsideTheWindowAndRefusesTheThird() throws Exception {
    TestLoan l = checkOut("hku", 15);
    var d0 = l.checkoutDate();

    engine.increaseTime(Duration.ofDays(9)); // window for a loan due d0+15 opens on d0+8
    Renewal first = desk.renew(l.requestId(), WAIT).orElseThrow();
    assertThat(first.granted()).isTrue();
    assertThat(first.dueAfter()).isEqualTo(d0.plusDays(30));
    assertThat(first.message()).contains(d0.plusDays(30).toString());
    awaitMails(l, "Renewed", 1);
    assertThat(body(mails(l, "Renewed").getFirst())).contains("New due date: " + d0.plusDays(30));

    engine.increaseTime(Duration.ofDays(15)); // day 24; window for d0+30 opened on d0+23
    Renewal second = desk.renew(l.requestId(), WAIT).orElseThrow();
    assertThat(second.granted()).isTrue();
    assertThat(second.dueAfter()).isEqualTo(d0.plusDays(45));
    awaitMails(l, "Renewed", 2); // back at the wait before the clock moves on

    engine.increaseTime(Duration.ofDays(15)); // day 39, inside the window again
    Renewal third =
        desk.renew(l.requestId(), WAIT)
            .orElseThrow(
                () ->
                    new AssertionError(
                        "no decision; passed " + projection.completedElements(l.instance())));
    assertThat(third.granted()).isFalse();
    assertThat(third.reason()).isEqualTo("LIMIT_REACHED");
    assertThat(third.message()).contains("most allowed (2)");

    PatronLoan loan = loan(l);
    assertThat(loan.dueDate()).isEqualTo(d0.plusDays(45));
    assertThat(loan.renewalsUsed()).isEqualTo(2);
    // the due-date timer was re-armed after each renewal: the loan never went overdue
    assertThat(loan.overdue()).isFalse();
    assertThat(requests.get(l.requestId()).status()).isEqualTo(RequestStatus.ON_LOAN);
    awaitMails(l, "Renewed", 2);
    assertThat(mails(l, "Renewed")).hasSize(2);
    assertThat(mails(l, "Overdue")).isEmpty();
    assertThat(loans.renewals(l.requestId()))
        .extracting(Renewal::granted)
        .containsExactly(true, true, false);
  }

  @Test
  void refusesARenewalBeforeTheWindowOpensAndSaysWhen() {
    TestLoan l = checkOut("hku", 15);
    var d0 = l.checkoutDate();

    engine.increaseTime(Duration.ofDays(2));
    Renewal early = desk.renew(l.requestId(), WAIT).orElseThrow();

    assertThat(early.granted()).isFalse();
    assertThat(early.reason()).isEqualTo("OUTSIDE_WINDOW");
    assertThat(early.message()).contains("renewal opens on " + d0.plusDays(8));
    assertThat(loan(l).dueDate()).isEqualTo(d0.plusDays(15));
    assertThat(loan(l).renewalsUsed()).isZero();
    assertThat(mails(l, "Renewed")).isEmpty();
  }

  @Test
  void refusesWhenTheLenderDoesNotAllowRenewals() {
    TestLoan l = checkOut("hkbu", 15); // HKBU: allows_renewal = false
    engine.increaseTime(Duration.ofDays(10));

    Renewal refused = desk.renew(l.requestId(), WAIT).orElseThrow();

    assertThat(refused.granted()).isFalse();
    assertThat(refused.reason()).isEqualTo("LENDER_DISALLOWS");
    assertThat(loan(l).dueDate()).isEqualTo(l.checkoutDate().plusDays(15));
  }

  @Test
  void aRenewalJobDeliveredTwiceRenewsOnce() {
    TestLoan l = checkOut("hku", 15);
    var d0 = l.checkoutDate();
    engine.increaseTime(Duration.ofDays(9));

    // a real job, delivered twice to the worker (as after a lost completion or a timeout)
    ActivatedJob job = testJob();
    var at = l.checkoutAt().plus(Duration.ofDays(9)).toString();
    var first = workers.renewLoan(job, l.requestId(), null, at);
    var again = workers.renewLoan(job, l.requestId(), null, at);
    client.newCompleteCommand(job.getKey()).send().join();

    assertThat(first.get("renewalGranted")).isEqualTo(true);
    assertThat(again).isEqualTo(first);
    assertThat(loan(l).renewalsUsed()).isEqualTo(1);
    assertThat(loan(l).dueDate()).isEqualTo(d0.plusDays(30));
    assertThat(loans.renewals(l.requestId())).hasSize(1);

    // and the same through the service with a repeated dedup key
    var t = l.checkoutAt().plus(Duration.ofDays(9));
    assertThat(lifecycle.renew(l.requestId(), null, t, "job:" + job.getKey()).granted()).isTrue();
    assertThat(loan(l).renewalsUsed()).isEqualTo(1);
  }

  /** A genuine job of a type no worker polls, to hand to a worker method by hand. */
  private ActivatedJob testJob() {
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess("lifecycle-test-job")
                .startEvent()
                .serviceTask("job", t -> t.zeebeJobType("lifecycle-test-job"))
                .endEvent()
                .done(),
            "lifecycle-test-job.bpmn")
        .send()
        .join();
    started(start("lifecycle-test-job", java.util.Map.of()));
    return await()
        .pollInSameThread()
        .atMost(WAIT)
        .until(
            () ->
                client
                    .newActivateJobsCommand()
                    .jobType("lifecycle-test-job")
                    .maxJobsToActivate(1)
                    .send()
                    .join()
                    .getJobs(),
            jobs -> !jobs.isEmpty())
        .getFirst();
  }
}

package org.interlend.workflows.overseas;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.interlend.overseas.Charges;
import org.interlend.overseas.OverseasRequests;
import org.interlend.requests.RequestStatus;
import org.interlend.workflows.engine.UserTasks.OpenTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OverseasRequestProcessTest extends OverseasProcessTestBase {

  @Autowired OverseasRequests overseas;

  @Test
  void teachingAndResearchWithinBudgetNeedsNoApprovalAndNoCharge() {
    Placed r = place("ACADEMIC", "BOOK", "TEACHING_RESEARCH");

    OpenTask sourcing = awaitTask(r.instance(), "sourceFromPartner");
    assertThat(sourcing.candidateGroups()).containsExactly("staff-cityu");
    userTasks.complete(sourcing.key(), quote("oclc", 50, "USD", "PHYSICAL"));

    OpenTask order = awaitTask(r.instance(), "placeOverseasOrder");
    assertThat(order.candidateGroups()).containsExactly("staff-cityu");
    long approval = child(r.instance(), "cost-approval").orElseThrow();
    assertThat(projection.completedElements(approval))
        .contains("decideCostRoute", "setNoCharge", "approvedWithoutCharge")
        .doesNotContain("approveOverseasCost", "offerCharge");
    Map<String, Object> vars = userTasks.processVariables(r.instance());
    assertThat(vars).containsEntry("costHkd", 390.0).containsEntry("costOutcome", "APPROVED");
    assertThat(((Number) vars.get("patronCharge")).doubleValue()).isZero();
    assertThat(charges.forRequest(r.requestId())).isEmpty();
    assertThat(overseas.find(r.requestId()).orElseThrow())
        .containsEntry("partner_code", "oclc")
        .containsEntry("currency", "USD")
        .containsEntry("format", "PHYSICAL");
    assertThat((BigDecimal) overseas.find(r.requestId()).orElseThrow().get("cost_hkd"))
        .isEqualByComparingTo("390.00");

    userTasks.complete(order.key(), Map.of("orderReference", "WS-123"));
    awaitStatus(r.requestId(), RequestStatus.ORDERED);
    awaitMail(r.patron().email(), "has been ordered");
    awaitActive(r.instance(), "awaitArrival");
    assertThat(overseas.find(r.requestId()).orElseThrow()).containsEntry("order_reference", "WS-123");
  }

  @Test
  void aboveThresholdAManagerApprovesUpToACapAndThePatronAcceptsTheRest() {
    Placed r = place("ACADEMIC", "BOOK", "TEACHING_RESEARCH");
    source(r, quote("bl", 200, "GBP", "PHYSICAL")); // HK$1,980

    long approval = awaitChild(r.instance(), "cost-approval");
    OpenTask manager = awaitTask(approval, "approveOverseasCost");
    assertThat(manager.candidateGroups()).containsExactly("managers");
    assertThat(requests.get(r.requestId()).status()).isEqualTo(RequestStatus.AWAITING_APPROVAL);
    userTasks.complete(
        manager.key(),
        Map.of("approvalDecision", "APPROVE_CAP", "approvedCapHkd", 1500, "approvalComment", "budget cap"));

    awaitStatus(r.requestId(), RequestStatus.AWAITING_PATRON);
    Charges.Charge offer = charges.openOffer(r.requestId()).orElseThrow();
    assertThat(offer.amountHkd()).isEqualByComparingTo("480.00");
    awaitMail(r.patron().email(), "a charge of HK$480.00 needs your answer");
    awaitActive(approval, "awaitChargeAnswer");

    publish("charge-answer", r.requestId(), Map.of("chargeAccepted", true));

    OpenTask order = awaitTask(r.instance(), "placeOverseasOrder");
    assertThat(order).isNotNull();
    assertThat(charges.forRequest(r.requestId()))
        .singleElement()
        .satisfies(c -> assertThat(c.status()).isEqualTo(Charges.Status.ACCEPTED));
    Map<String, Object> vars = userTasks.processVariables(r.instance());
    assertThat(vars).containsEntry("costOutcome", "APPROVED");
    assertThat(((Number) vars.get("patronCharge")).doubleValue()).isEqualTo(480.0);
    awaitMail(r.patron().email(), "charge of HK$480.00 accepted");
  }

  @Test
  void aManagerRejectingTheCostEndsTheRequestWithANotice() {
    Placed r = place("POSTGRADUATE", "BOOK", "TEACHING_RESEARCH");
    source(r, quote("bl", 200, "GBP", "PHYSICAL"));

    long approval = awaitChild(r.instance(), "cost-approval");
    OpenTask manager = awaitTask(approval, "approveOverseasCost");
    userTasks.complete(
        manager.key(),
        Map.of("approvalDecision", "REJECT", "approvalComment", "A cheaper edition is on order."));

    awaitCompleted(r.instance());
    assertThat(requests.get(r.requestId()).status()).isEqualTo(RequestStatus.REJECTED);
    assertThat(projection.completedElements(r.instance())).contains("recordCostRejected", "costRejected");
    awaitMail(r.patron().email(), "the cost was not approved");
    assertThat(body(mailTo(r.patron().email(), "the cost was not approved").get(0)))
        .contains("A cheaper edition is on order.");
    assertThat(charges.forRequest(r.requestId())).isEmpty();
  }

  @Test
  void aPersonalRequestIsChargedToThePatronWhoMayDecline() {
    Placed r = place("POSTGRADUATE", "BOOK", "PERSONAL");
    source(r, quote("oclc", 100, "USD", "PHYSICAL")); // HK$780

    long approval = awaitChild(r.instance(), "cost-approval");
    awaitStatus(r.requestId(), RequestStatus.AWAITING_PATRON);
    assertThat(charges.openOffer(r.requestId()).orElseThrow().amountHkd())
        .isEqualByComparingTo("780.00");
    awaitActive(approval, "awaitChargeAnswer");

    publish("charge-answer", r.requestId(), Map.of("chargeAccepted", false));

    awaitCompleted(r.instance());
    assertThat(requests.get(r.requestId()).status()).isEqualTo(RequestStatus.CANCELLED);
    assertThat(projection.completedElements(approval)).doesNotContain("approveOverseasCost");
    assertThat(charges.forRequest(r.requestId()))
        .singleElement()
        .satisfies(c -> assertThat(c.status()).isEqualTo(Charges.Status.DECLINED));
    awaitMail(r.patron().email(), "cancelled: charge declined");
  }

  @Test
  void silenceForSevenDaysCountsAsDeclined() {
    Placed r = place("ACADEMIC", "COPY", "PERSONAL");
    source(r, quote("subito", 30, "EUR", "DIGITAL")); // HK$255

    long approval = awaitChild(r.instance(), "cost-approval");
    awaitStatus(r.requestId(), RequestStatus.AWAITING_PATRON);
    awaitActive(approval, "awaitChargeAnswer");
    String answerBy = String.valueOf(userTasks.processVariables(approval).get("chargeAnswerBy"));

    engine.increaseTime(Duration.ofDays(6));
    assertThat(projection.completed(r.instance())).isFalse();
    engine.increaseTime(Duration.ofDays(1).plusHours(1));

    awaitCompleted(r.instance());
    assertThat(projection.completedElements(approval)).contains("answerDeadline", "settleExpired");
    assertThat(requests.get(r.requestId()).status()).isEqualTo(RequestStatus.CANCELLED);
    assertThat(charges.forRequest(r.requestId()))
        .singleElement()
        .satisfies(c -> assertThat(c.status()).isEqualTo(Charges.Status.EXPIRED));
    awaitMail(r.patron().email(), "no answer to the charge");
    assertThat(body(mailTo(r.patron().email(), "no answer to the charge").get(0))).contains(answerBy);
  }

  @Test
  void whenNoPartnerCanSupplyTheRequestIsUnfilled() {
    Placed r = place("NON_ACADEMIC", "COPY", "TEACHING_RESEARCH");
    source(r, Map.of("sourcingResult", "NONE", "unfilledReason", "Out of print; no holding abroad."));

    awaitCompleted(r.instance());
    assertThat(requests.get(r.requestId()).status()).isEqualTo(RequestStatus.UNFILLED);
    assertThat(child(r.instance(), "cost-approval")).isEmpty();
    awaitMail(r.patron().email(), "could not be filled");
    assertThat(body(mailTo(r.patron().email(), "could not be filled").get(0)))
        .contains("Out of print; no holding abroad.");
  }

  @Test
  void anIncompleteQuoteGoesBackToTheStaff() {
    Placed r = place("ACADEMIC", "BOOK", "TEACHING_RESEARCH");
    OpenTask first = awaitTask(r.instance(), "sourceFromPartner");
    userTasks.complete(first.key(), Map.of("sourcingResult", "FOUND", "partnerCode", "nlc"));

    OpenTask again = awaitNextTask(r.instance(), "sourceFromPartner", first.key());
    userTasks.complete(again.key(), quote("nlc", 300, "CNY", "PHYSICAL")); // HK$324
    awaitTask(r.instance(), "placeOverseasOrder");
    assertThat(userTasks.processVariables(r.instance())).containsEntry("costHkd", 324.0);
  }

  @Test
  void undergraduatesMayNotRequestBooksFromOverseas() {
    Placed r = place("UNDERGRADUATE", "BOOK", "TEACHING_RESEARCH");

    awaitCompleted(r.instance());
    assertThat(requests.get(r.requestId()).status()).isEqualTo(RequestStatus.REJECTED);
    assertThat(projection.completedElements(r.instance())).doesNotContain("sourceFromPartner");
    awaitMail(r.patron().email(), "cannot be placed");
    assertThat(body(mailTo(r.patron().email(), "cannot be placed").get(0)))
        .contains("you may request a copy");
  }

  @Test
  void anItemNotReceivedRemindsStaffMonthlyAndEscalatesAfterThreeMonths() {
    Placed r = orderedFromOverseas("PHYSICAL");
    String staff = "ill-cityu@interlend.local";
    int before = mailTo(staff, r.requestId() + " ").size();

    engine.increaseTime(Duration.ofDays(31));
    await(() -> mailTo(staff, r.requestId() + " not received after 1 month").size() == 1);
    engine.increaseTime(Duration.ofDays(31));
    await(() -> mailTo(staff, r.requestId() + " not received after 2 months").size() == 1);
    assertThat(userTasks.open().stream().anyMatch(t -> t.processInstanceKey() == r.instance()))
        .isFalse();
    engine.increaseTime(Duration.ofDays(31));

    OpenTask chase = awaitTask(r.instance(), "chaseOverdueOrder");
    assertThat(chase.candidateGroups()).containsExactly("staff-cityu");
    await(() -> mailTo(staff, r.requestId() + " overdue: chase or cancel").size() == 1);
    assertThat(mailTo(staff, r.requestId() + " ")).hasSize(before + 3);

    userTasks.complete(
        chase.key(),
        Map.of("overdueAction", "CANCEL", "unfilledReason", "The partner could not find the item."));
    awaitCompleted(r.instance());
    assertThat(requests.get(r.requestId()).status()).isEqualTo(RequestStatus.UNFILLED);
    awaitMail(r.patron().email(), "could not be filled");
  }

  @Test
  void aChasedOrderThatArrivesLateStillReachesThePatron() {
    Placed r = orderedFromOverseas("PHYSICAL");
    engine.increaseTime(Duration.ofDays(93));
    OpenTask chase = awaitTask(r.instance(), "chaseOverdueOrder");
    userTasks.complete(chase.key(), Map.of("overdueAction", "CHASE"));
    awaitActive(r.instance(), "awaitArrival");

    publish("item-arrived", r.requestId(), Map.of());
    checkOut(r);
    long loan = awaitChild(r.instance(), "loan-lifecycle");
    assertThat(loan).isPositive();
    awaitStatus(r.requestId(), RequestStatus.ON_LOAN);
  }

  @Test
  void aPhysicalItemArrivesAndRunsTheSharedLoanLifecycle() {
    Placed r = orderedFromOverseas("PHYSICAL");
    Instant before = Instant.now().minus(Duration.ofDays(1));

    publish("item-arrived", r.requestId(), Map.of());
    // as for HKALL items: RECEIVED, a pickup notice, then checkout at the counter
    awaitStatus(r.requestId(), RequestStatus.RECEIVED);
    awaitMail(r.patron().email(), "Ready for pickup");
    assertThat(child(r.instance(), "loan-lifecycle")).isEmpty();
    checkOut(r);

    long loan = awaitChild(r.instance(), "loan-lifecycle");
    Map<String, Object> input = userTasks.processVariables(loan);
    assertThat(input)
        .containsEntry("requestId", r.requestId())
        .containsEntry("patronId", r.patron().id())
        .containsEntry("lenderCode", "cityu")
        .containsEntry("loanDays", 30);
    assertThat(Instant.parse(String.valueOf(input.get("checkoutAt")))).isAfter(before);
    assertThat(overseas.find(r.requestId()).orElseThrow().get("arrived_at")).isNotNull();
    awaitStatus(r.requestId(), RequestStatus.ON_LOAN);

    publish("item-returned", r.requestId(), Map.of());
    awaitCompleted(r.instance());
    assertThat(userTasks.processVariables(r.instance())).containsEntry("loanOutcome", "RETURNED");
    assertThat(requests.get(r.requestId()).status()).isEqualTo(RequestStatus.COMPLETED);
  }

  @Test
  void aDigitalCopyArrivesAndRunsTheSharedDigitalDelivery() {
    Placed r = orderedFromOverseas("DIGITAL");
    publish("item-arrived", r.requestId(), Map.of());

    OpenTask upload = awaitTask(r.instance(), "uploadOverseasScan");
    assertThat(upload.candidateGroups()).containsExactly("staff-cityu");
    // an unusable upload goes back to the staff with its reason (SCAN_INVALID from digital-delivery)
    String notAPdf = upload("partner-scan.pdf", "an e-mail saved by mistake".getBytes());
    userTasks.complete(upload.key(), Map.of("uploadKeys", List.of(notAPdf), "expectedPages", 3));
    OpenTask again = awaitNextTask(r.instance(), "uploadOverseasScan", upload.key());
    assertThat(String.valueOf(userTasks.processVariables(r.instance()).get("scanProblem")))
        .contains("not a PDF");
    assertThat(projection.openIncidents(r.instance())).isEmpty();

    String key = uploadPdf(3);
    userTasks.complete(again.key(), Map.of("uploadKeys", List.of(key), "expectedPages", 3));
    long delivery =
        org.awaitility.Awaitility.await()
            .pollInSameThread()
            .atMost(WAIT)
            .until(() -> children(r.instance(), "digital-delivery"), c -> c.size() == 2)
            .get(1);
    assertThat(userTasks.processVariables(delivery))
        .containsEntry("requestId", r.requestId())
        .containsEntry("uploadKeys", List.of(key))
        .containsEntry("expectedPages", 3);
    awaitStatus(r.requestId(), RequestStatus.DELIVERED);
  }

  @Test
  void anArrivedItemNotPickedUpInFiveDaysIsUnclaimedAndGoesBackToThePartner() {
    Placed r = orderedFromOverseas("PHYSICAL");
    publish("item-arrived", r.requestId(), Map.of());
    awaitTask(r.instance(), "overseasCheckOut");

    engine.increaseTime(Duration.ofDays(6));
    OpenTask giveBack = awaitTask(r.instance(), "returnUnclaimedToPartner");
    assertThat(giveBack.candidateGroups()).containsExactly("staff-cityu");
    awaitStatus(r.requestId(), RequestStatus.UNCLAIMED);
    userTasks.complete(giveBack.key(), Map.of("returnedToPartner", true, "returnNote", "sent back by post"));
    awaitCompleted(r.instance());
    assertThat(child(r.instance(), "loan-lifecycle")).isEmpty();
  }

  /** The patron collects the arrived item at the counter. */
  private void checkOut(Placed r) {
    OpenTask checkOut = awaitTask(r.instance(), "overseasCheckOut");
    assertThat(checkOut.candidateGroups()).containsExactly("staff-cityu");
    userTasks.complete(checkOut.key(), Map.of("patronIdentified", true));
  }

  /** A request sourced within budget, ordered, and waiting for the item. */
  private Placed orderedFromOverseas(String format) {
    Placed r = place("ACADEMIC", format.equals("DIGITAL") ? "COPY" : "BOOK", "TEACHING_RESEARCH");
    source(r, quote("nlc", 200, "CNY", format));
    OpenTask order = awaitTask(r.instance(), "placeOverseasOrder");
    userTasks.complete(order.key(), Map.of("orderReference", "NLC-" + r.requestId()));
    awaitActive(r.instance(), "awaitArrival");
    return r;
  }

  private void await(java.util.concurrent.Callable<Boolean> condition) {
    org.awaitility.Awaitility.await().pollInSameThread().atMost(WAIT).until(condition);
  }
}

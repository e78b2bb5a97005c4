package org.interlend.workflows.overseas;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.interlend.calendar.Calendars;
import org.interlend.calendar.LibraryCalendar;
import org.interlend.lending.lifecycle.LoanLifecycle;
import org.interlend.lending.lifecycle.Loans;
import org.interlend.overseas.Charges;
import org.interlend.overseas.OverseasRequests;
import org.interlend.requests.RequestStatus;
import org.interlend.workflows.engine.UserTasks.OpenTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OverseasRequestProcessTest extends OverseasProcessTestBase {

  @Autowired OverseasRequests overseas;
  @Autowired Calendars calendars;
  @Autowired Loans loans;
  @Autowired LoanLifecycle lifecycle;

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
    assertThat(overseas.find(r.requestId()).orElseThrow())
        .containsEntry("order_reference", "WS-123");
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
        Map.of(
            "approvalDecision",
            "APPROVE_CAP",
            "approvedCapHkd",
            1500,
            "approvalComment",
            "budget cap"));

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
    assertThat(projection.completedElements(r.instance()))
        .contains("recordCostRejected", "costRejected");
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
    assertThat(body(mailTo(r.patron().email(), "no answer to the charge").get(0)))
        .contains(answerBy);
  }

  @Test
  void whenNoPartnerCanSupplyTheRequestIsUnfilled() {
    Placed r = place("NON_ACADEMIC", "COPY", "TEACHING_RESEARCH");
    source(
        r, Map.of("sourcingResult", "NONE", "unfilledReason", "Out of print; no holding abroad."));

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
        Map.of(
            "overdueAction", "CANCEL", "unfilledReason", "The partner could not find the item."));
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
    OpenTask terms = awaitTask(r.instance(), "recordPartnerTerms");
    assertThat(terms.candidateGroups()).containsExactly("staff-cityu");
    awaitStatus(r.requestId(), RequestStatus.RECEIVED);
  }

  /**
   * An overseas book follows the partner's terms (on today's main the home library was treated as
   * the lender, with no pickup notice or window and nothing sending the book back): staff record
   * the partner's due date and fee, the patron is told to pick it up, borrows it until 14 days
   * before the partner's due date, and the book goes back to the partner; a quota slot is held
   * meanwhile.
   */
  @Test
  void aPhysicalItemArrivesOnThePartnersTermsAndGoesBackToThePartner() {
    Placed r = orderedFromOverseas("PHYSICAL");
    assertThat(loansInUse(r)).isEqualTo(1);
    Instant before = Instant.now().minus(Duration.ofDays(1));

    publish("item-arrived", r.requestId(), Map.of());
    OpenTask terms = awaitTask(r.instance(), "recordPartnerTerms");
    LocalDate partnerDue = LibraryCalendar.dateOf(engine.now()).plusDays(60);
    userTasks.complete(
        terms.key(),
        Map.of(
            "partnerDueDate",
            partnerDue.toString(),
            "partnerFinePerDay",
            5,
            "partnerReplacementCharge",
            900));
    awaitMail(r.patron().email(), "Ready for pickup");
    LocalDate patronDue = calendars.of("cityu").previousOpenDay(partnerDue.minusDays(14));
    assertThat(body(mailTo(r.patron().email(), "Ready for pickup").get(0)))
        .contains(patronDue.toString());

    OpenTask checkOut = awaitTask(r.instance(), "overseasCheckOut");
    userTasks.complete(checkOut.key(), Map.of("patronIdentified", true));
    long loan = awaitChild(r.instance(), "loan-lifecycle");
    Map<String, Object> input = userTasks.processVariables(loan);
    assertThat(input)
        .containsEntry("requestId", r.requestId())
        .containsEntry("lenderCode", "cityu")
        .containsEntry("patronDueDate", patronDue.toString())
        .containsEntry("partnerCode", "nlc");
    assertThat(Instant.parse(String.valueOf(input.get("checkoutAt")))).isAfter(before);
    awaitStatus(r.requestId(), RequestStatus.ON_LOAN);
    assertThat(loans.get(r.requestId()).dueDate()).isEqualTo(patronDue);
    assertThat(lifecycle.policy(loans.get(r.requestId())).finePerDay())
        .isEqualByComparingTo("5.00");

    publish("item-returned", r.requestId(), Map.of());
    OpenTask shipBack = awaitTask(r.instance(), "shipBackToPartner");
    assertThat(shipBack.candidateGroups()).containsExactly("staff-cityu");
    assertThat(loansInUse(r)).isEqualTo(1);
    userTasks.complete(shipBack.key(), Map.of("shippedBack", true));
    awaitCompleted(r.instance());
    assertThat(userTasks.processVariables(r.instance())).containsEntry("loanOutcome", "RETURNED");
    assertThat(requests.get(r.requestId()).status()).isEqualTo(RequestStatus.COMPLETED);
    assertThat(loansInUse(r)).isZero();
  }

  @Test
  void anOverseasBookNotPickedUpGoesBackToThePartnerAfterItsLastPickupDay() {
    Placed r = orderedFromOverseas("PHYSICAL");
    publish("item-arrived", r.requestId(), Map.of());
    OpenTask terms = awaitTask(r.instance(), "recordPartnerTerms");
    userTasks.complete(
        terms.key(),
        Map.of("partnerDueDate", LibraryCalendar.dateOf(engine.now()).plusDays(60).toString()));
    OpenTask checkOut = awaitTask(r.instance(), "overseasCheckOut");
    Instant deadline =
        Instant.parse(
            String.valueOf(userTasks.processVariables(r.instance()).get("pickupDeadline")));

    engine.increaseTime(Duration.between(engine.now(), deadline).plusMinutes(1));
    awaitStatus(r.requestId(), RequestStatus.UNCLAIMED);
    assertThat(userTasks.find(checkOut.key())).isEmpty();
    OpenTask shipBack = awaitTask(r.instance(), "shipBackToPartner");
    assertThat(loansInUse(r)).isZero();
    userTasks.complete(shipBack.key(), Map.of("shippedBack", true));
    awaitCompleted(r.instance());
    assertThat(projection.completedElements(r.instance())).contains("unclaimedReturned");
  }

  @Test
  void aPatronWithoutAQuotaSlotIsRefusedBeforeSourcing() {
    Patron p = patron("ACADEMIC");
    jdbc.update("update patron set loans_in_use = 30 where id = ?", p.id());
    Placed r = place(p, "BOOK", "TEACHING_RESEARCH", Map.of());
    awaitCompleted(r.instance());
    assertThat(requests.get(r.requestId()).status()).isEqualTo(RequestStatus.REJECTED);
    assertThat(projection.completedElements(r.instance())).doesNotContain("sourceFromPartner");
    awaitMail(p.email(), "cannot be placed");
    assertThat(body(mailTo(p.email(), "cannot be placed").get(0)))
        .contains("loan quota is used up");
  }

  /**
   * Overseas copies are copied under ss.47-48 like digital ones (on today's main they skipped the
   * declaration and the limits): a second article from the same journal issue is refused, and a
   * chapter of 80% of a book goes to staff review.
   */
  @Test
  void anOverseasCopyIsCheckedUnderTheCopyrightOrdinance() {
    Patron p = patron("ACADEMIC");
    Map<String, Object> declared =
        Map.of(
            "researchOrPrivateStudy",
            true,
            "notSuppliedBefore",
            true,
            "notRelatedToOtherPerson",
            true,
            "noRedistribution",
            true);
    Map<String, Object> article =
        Map.of(
            "copyKind",
            "ARTICLE",
            "issn",
            "1234-5679",
            "isbn",
            "",
            "articleTitle",
            "Harbours",
            "volume",
            "7",
            "issue",
            "2",
            "pages",
            "1-10",
            "declaration",
            declared);
    Placed first = place(p, "COPY", "TEACHING_RESEARCH", article);
    awaitTask(first.instance(), "sourceFromPartner");

    Placed second =
        place(
            p,
            "COPY",
            "TEACHING_RESEARCH",
            Map.of(
                "copyKind",
                "ARTICLE",
                "issn",
                "1234-5679",
                "isbn",
                "",
                "articleTitle",
                "Ferries",
                "volume",
                "Vol. 7",
                "issue",
                "No. 2",
                "pages",
                "11-20",
                "declaration",
                declared));
    awaitCompleted(second.instance());
    assertThat(requests.get(second.requestId()).status()).isEqualTo(RequestStatus.REJECTED);
    assertThat(requests.history(second.requestId()).getLast().note()).contains("s.47");

    Placed longChapter =
        place(
            p,
            "COPY",
            "TEACHING_RESEARCH",
            Map.of(
                "copyKind",
                "CHAPTER",
                "chapter",
                "2",
                "pages",
                "10-250",
                "totalPages",
                300,
                "declaration",
                declared));
    long permission = awaitChild(longChapter.instance(), "copy-permission");
    OpenTask review = awaitTask(permission, "reviewChapterLength");
    assertThat(review.candidateGroups()).containsExactly("staff-cityu");
    userTasks.complete(review.key(), Map.of("chapterReview", "REFUSE"));
    awaitCompleted(longChapter.instance());
    assertThat(requests.history(longChapter.requestId()).getLast().note())
        .contains("reasonable proportion");
  }

  int loansInUse(Placed r) {
    return jdbc.queryForObject(
        "select loans_in_use from patron where id = ?", Integer.class, r.patron().id());
  }

  @Test
  void aDigitalCopyArrivesAndRunsTheSharedDigitalDelivery() {
    Placed r = orderedFromOverseas("DIGITAL");
    publish("item-arrived", r.requestId(), Map.of());

    OpenTask upload = awaitTask(r.instance(), "uploadOverseasScan");
    assertThat(upload.candidateGroups()).containsExactly("staff-cityu");
    // an unusable upload goes back to the staff with its reason (SCAN_INVALID from
    // digital-delivery)
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

  /** Sourcing has a deadline: reminded, then the home library's managers are told. */
  @Test
  void sourcingFromAPartnerRemindsTheStaffThenTellsTheManagers() {
    Placed r = place("ACADEMIC", "BOOK", "TEACHING_RESEARCH");
    OpenTask sourcing = awaitTask(r.instance(), "sourceFromPartner");
    Map<String, Object> v = userTasks.processVariables(r.instance());
    Instant remindAt = Instant.parse(String.valueOf(v.get("taskRemindAt")));
    Instant escalateAt = Instant.parse(String.valueOf(v.get("taskEscalateAt")));

    engine.increaseTime(Duration.between(engine.now(), remindAt).plusMinutes(1));
    awaitMail(
        "ill-cityu@interlend.local",
        "Reminder: \"Source from partner\" for request " + r.requestId());
    engine.increaseTime(Duration.between(engine.now(), escalateAt).plusMinutes(1));
    awaitMail(
        "ill-managers-cityu@interlend.local",
        "Overdue task: \"Source from partner\" for request " + r.requestId());
    assertThat(userTasks.find(sourcing.key())).isPresent();
  }
}

package org.interlend.workflows.overseas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.interlend.workflows.engine.UserTasks.OpenTask;
import org.junit.jupiter.api.Test;

/** cost-approval on its own, as any flow with a cost calls it. */
class CostApprovalProcessTest extends OverseasProcessTestBase {

  private record Started(Patron patron, String requestId, long instance) {}

  private Started costApproval(double costHkd, String purpose) {
    Patron p = patron("ACADEMIC");
    String requestId = requests.create("DIGITAL", p.id(), "Costly copy " + UUID.randomUUID()).id();
    long instance =
        started(
            start(
                "cost-approval",
                Map.of(
                    "requestId",
                    requestId,
                    "patronId",
                    p.id(),
                    "costHkd",
                    costHkd,
                    "purpose",
                    purpose,
                    "homeLibrary",
                    "cityu")));
    return new Started(p, requestId, instance);
  }

  @Test
  void aFreeSupplyIsApprovedWithoutAnyone() {
    Started s = costApproval(0, "PERSONAL");
    awaitCompleted(s.instance());
    assertThat(userTasks.processVariables(s.instance()))
        .containsEntry("costOutcome", "APPROVED")
        .containsEntry("patronCharge", 0);
    assertThat(charges.forRequest(s.requestId())).isEmpty();
  }

  @Test
  void aCapAboveTheCostChargesThePatronNothing() {
    Started s = costApproval(900, "TEACHING_RESEARCH");
    OpenTask task = awaitTask(s.instance(), "approveOverseasCost");
    assertThat(task.candidateGroups()).containsExactly("managers");
    userTasks.complete(
        task.key(), Map.of("approvalDecision", "APPROVE_CAP", "approvedCapHkd", 1000));
    awaitCompleted(s.instance());
    assertThat(userTasks.processVariables(s.instance())).containsEntry("costOutcome", "APPROVED");
    assertThat(projection.completedElements(s.instance())).doesNotContain("offerCharge");
  }

  @Test
  void aFullApprovalChargesThePatronNothing() {
    Started s = costApproval(5000, "TEACHING_RESEARCH");
    OpenTask task = awaitTask(s.instance(), "approveOverseasCost");
    userTasks.complete(task.key(), Map.of("approvalDecision", "APPROVE"));
    awaitCompleted(s.instance());
    assertThat(userTasks.processVariables(s.instance()))
        .containsEntry("costOutcome", "APPROVED")
        .containsEntry("patronCharge", 0);
    assertThat(charges.forRequest(s.requestId())).isEmpty();
  }

  /**
   * A manager's approval has a deadline too: the managers are reminded, then told it is overdue.
   */
  @Test
  void anApprovalNotGivenInTimeRemindsTheManagersThenEscalates() {
    Started s = costApproval(5000, "TEACHING_RESEARCH");
    var task = awaitTask(s.instance(), "approveOverseasCost");
    Map<String, Object> v = userTasks.processVariables(s.instance());
    java.time.Instant remindAt = java.time.Instant.parse(String.valueOf(v.get("taskRemindAt")));
    java.time.Instant escalateAt = java.time.Instant.parse(String.valueOf(v.get("taskEscalateAt")));

    engine.increaseTime(java.time.Duration.between(engine.now(), remindAt).plusMinutes(1));
    awaitMail(
        "ill-managers-cityu@interlend.local",
        "Reminder: \"Approve overseas cost\" for request " + s.requestId());
    engine.increaseTime(java.time.Duration.between(engine.now(), escalateAt).plusMinutes(1));
    awaitMail(
        "ill-managers-cityu@interlend.local",
        "Overdue task: \"Approve overseas cost\" for request " + s.requestId());
    assertThat(userTasks.find(task.key())).isPresent();
  }
}

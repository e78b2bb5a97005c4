package org.interlend.workflows.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.interlend.calendar.LibraryCalendar;
import org.interlend.lending.LenderAsks;
import org.interlend.lending.PhysicalRequests;
import org.interlend.requests.Request;
import org.interlend.requests.RequestStatus;
import org.interlend.requests.Requests;
import org.interlend.workflows.ProcessTest;
import org.interlend.workflows.engine.UserTasks.OpenTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deadlines of the physical-loan staff tasks, with time travel: a reminder to the task's staff at
 * the end of the reminder's working day, then the managers, or for a lender's "Pull and ship" the
 * next lender, with a notice to the late one.
 */
class StaffDeadlineProcessTest extends ProcessTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired Requests requests;
  @Autowired PhysicalRequests physicalRequests;
  @Autowired LenderAsks asks;
  @Autowired GreenMail mail;

  PhysicalFixtures data;
  Request request;

  @BeforeEach
  void fixtures() {
    data = new PhysicalFixtures(jdbc, requests, mail);
  }

  @AfterEach
  void cancel() {
    if (request != null && projection.isLive(request.processInstanceKey())) {
      client.newCancelInstanceCommand(request.processInstanceKey()).send().join();
    }
  }

  private Instant variableInstant(String name) {
    Object value =
        await()
            .pollInSameThread()
            .atMost(WAIT)
            .until(
                () -> userTasks.processVariables(request.processInstanceKey()).get(name),
                v -> v != null);
    return Instant.parse(value.toString());
  }

  private void travelTo(Instant at) {
    Duration d = Duration.between(engine.now(), at);
    if (!d.isNegative()) {
      engine.increaseTime(d.plusMinutes(1));
    }
  }

  private void awaitMail(String address, String subjectPart) {
    await()
        .pollInSameThread()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(data.mailsTo(address)).anyMatch(s -> s.contains(subjectPart)));
  }

  @Test
  void aLenderThatDoesNotAnswerIsRemindedThenTheRequestMovesToTheNextLender() {
    String patron = data.patron("UNDERGRADUATE");
    long bib = data.titleAt("hkbu", "eduhk");
    request = physicalRequests.place(patron, bib);
    OpenTask pull = awaitTask(request.processInstanceKey(), "hkallPullAndShip");
    String late = pull.candidateGroups().get(0).substring("staff-".length());
    String next = late.equals("hkbu") ? "eduhk" : "hkbu";
    Instant remindAt = variableInstant("taskRemindAt");
    Instant moveAt = variableInstant("taskEscalateAt");
    // the end of the 1st and 2nd working day of the lender after the ask
    LibraryCalendar lenderDays = new org.interlend.calendar.Calendars(jdbc).of(late);
    Instant askedAt = asks.find(request.id(), late).orElseThrow().askedAt();
    assertThat(remindAt)
        .isEqualTo(
            LibraryCalendar.endOf(lenderDays.addWorkingDays(LibraryCalendar.dateOf(askedAt), 1)));
    assertThat(moveAt)
        .isEqualTo(
            LibraryCalendar.endOf(lenderDays.addWorkingDays(LibraryCalendar.dateOf(askedAt), 2)));

    travelTo(remindAt);
    awaitMail(
        "ill-" + late + "@interlend.local",
        "Reminder: \"Pull and ship\" for request " + request.id());
    assertThat(userTasks.find(pull.key()))
        .isPresent(); // a reminder leaves the task with the lender

    travelTo(moveAt);
    OpenTask nextPull = awaitNextTask(request.processInstanceKey(), "hkallPullAndShip", pull.key());
    assertThat(nextPull.candidateGroups()).containsExactly("staff-" + next);
    assertThat(userTasks.find(pull.key())).isEmpty();
    awaitMail(
        "ill-" + late + "@interlend.local",
        "HKALL request " + request.id() + " moved to another library");
    assertThat(asks.find(request.id(), late).orElseThrow().outcome()).isEqualTo("LATE");
    assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.REQUESTED);
    // the late lender's copy is not marked: it was not refused
    assertThat(data.itemStatus(bib, late)).isEqualTo("AVAILABLE");
    // no manager is bothered for a lender: the rota moves on instead
    assertThat(data.mailsTo("ill-managers-" + late + "@interlend.local"))
        .noneMatch(s -> s.contains(request.id()));
  }

  @Test
  void anItemNotReceivedInTimeRemindsTheHomeStaffThenTellsTheirManagers() {
    String patron = data.patron("UNDERGRADUATE");
    request = physicalRequests.place(patron, data.titleAt("hkust"));
    OpenTask pull = awaitTask(request.processInstanceKey(), "hkallPullAndShip");
    userTasks.complete(pull.key(), Map.of("pullOutcome", "SHIPPED"));
    OpenTask receive = awaitTask(request.processInstanceKey(), "hkallReceiveItem");
    assertThat(receive.dueDate()).isNotNull();
    Instant remindAt = variableInstant("taskRemindAt");
    Instant escalateAt = variableInstant("taskEscalateAt");
    assertThat(escalateAt).isAfter(remindAt);

    travelTo(remindAt);
    awaitMail(
        "ill-cityu@interlend.local", "Reminder: \"Receive item\" for request " + request.id());
    assertThat(data.mailsTo("ill-managers-cityu@interlend.local"))
        .noneMatch(s -> s.contains(request.id()));

    travelTo(escalateAt);
    awaitMail(
        "ill-managers-cityu@interlend.local",
        "Overdue task: \"Receive item\" for request " + request.id());
    // the task stays with the staff; the patron is told nothing
    assertThat(userTasks.find(receive.key())).isPresent();
    assertThat(data.mailsTo(data.email(patron))).isEmpty();
  }
}

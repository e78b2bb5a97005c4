package org.interlend.workflows.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.interlend.lending.PhysicalRequests;
import org.interlend.requests.Request;
import org.interlend.requests.Requests;
import org.interlend.tasks.TaskHistory;
import org.interlend.tasks.TaskHistory.Event;
import org.interlend.tasks.TaskHistory.TaskEvent;
import org.interlend.workflows.ProcessTest;
import org.interlend.workflows.engine.UserTasks.OpenTask;
import org.interlend.workflows.lending.PhysicalFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every user task tells the request's history when it is created, completed (by whom, with what,
 * with the staff's note) and cancelled, through its listeners: Tasklist's completions and the local
 * desk's land in the same place.
 */
class TaskHistoryProcessTest extends ProcessTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired Requests requests;
  @Autowired PhysicalRequests physicalRequests;
  @Autowired TaskHistory history;
  @Autowired GreenMail mail;

  @Test
  void aCompletedTaskIsRecordedWithItsAssigneeOutcomeAndNote() {
    PhysicalFixtures data = new PhysicalFixtures(jdbc, requests, mail);
    String patron = data.patron("POSTGRADUATE", 0, false);
    Request r = physicalRequests.place(patron, data.titleAt("hku"));

    OpenTask pull = awaitTask(r.processInstanceKey(), "hkallPullAndShip");
    userTasks.claim(pull.key(), "staff-hku");
    await()
        .pollInSameThread()
        .atMost(WAIT)
        .until(
            () ->
                "staff-hku"
                    .equals(userTasks.find(pull.key()).map(OpenTask::assignee).orElse(null)));
    userTasks.complete(pull.key(), Map.of("pullOutcome", "SHIPPED", "pullNote", "courier 4711"));

    OpenTask receive = awaitTask(r.processInstanceKey(), "hkallReceiveItem");
    userTasks.claim(receive.key(), "staff-cityu");
    userTasks.complete(receive.key(), Map.of("itemReceived", true, "receiveNote", "corner bent"));
    awaitTask(r.processInstanceKey(), "hkallCheckOut");

    List<TaskEvent> events =
        await().pollInSameThread().atMost(WAIT).until(() -> history.of(r.id()), e -> e.size() >= 5);
    assertThat(events)
        .extracting(TaskEvent::elementId, TaskEvent::event)
        .startsWith(
            org.assertj.core.groups.Tuple.tuple("hkallPullAndShip", Event.CREATED),
            org.assertj.core.groups.Tuple.tuple("hkallPullAndShip", Event.COMPLETED),
            org.assertj.core.groups.Tuple.tuple("hkallReceiveItem", Event.CREATED),
            org.assertj.core.groups.Tuple.tuple("hkallReceiveItem", Event.COMPLETED),
            org.assertj.core.groups.Tuple.tuple("hkallCheckOut", Event.CREATED));
    TaskEvent shipped = events.get(1);
    assertThat(shipped.userTaskKey()).isEqualTo(pull.key());
    assertThat(shipped.actor()).isEqualTo("staff-hku");
    assertThat(shipped.outcome()).isEqualTo("Outcome: Shipped");
    assertThat(shipped.note()).isEqualTo("courier 4711");
    TaskEvent received = events.get(3);
    assertThat(received.actor()).isEqualTo("staff-cityu");
    assertThat(received.outcome()).isEqualTo("The item has arrived at our library: yes");
    assertThat(received.note()).isEqualTo("corner bent");
  }

  @Test
  void aTaskItsProcessLeavesIsRecordedAsCancelled() {
    PhysicalFixtures data = new PhysicalFixtures(jdbc, requests, mail);
    String patron = data.patron("POSTGRADUATE", 0, false);
    Request r = physicalRequests.place(patron, data.titleAt("hku"));
    OpenTask pull = awaitTask(r.processInstanceKey(), "hkallPullAndShip");

    physicalRequests.cancel(r.id(), "staff-cityu", "the patron found a copy");
    awaitCompleted(r.processInstanceKey());

    assertThat(
            await()
                .pollInSameThread()
                .atMost(WAIT)
                .until(() -> history.of(r.id()), e -> e.size() == 2))
        .extracting(TaskEvent::userTaskKey, TaskEvent::event)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(pull.key(), Event.CREATED),
            org.assertj.core.groups.Tuple.tuple(pull.key(), Event.CANCELED));
    assertThat(requests.history(r.id()).getLast().note())
        .isEqualTo("cancelled by staff-cityu: the patron found a copy");
  }

  @Test
  void everyUserTaskOfEveryProcessHasTheThreeListeners() throws Exception {
    String zeebe = "http://camunda.org/schema/zeebe/1.0";
    String bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    List<String> missing = new ArrayList<>();
    int tasks = 0;
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    for (Resource r :
        new PathMatchingResourcePatternResolver().getResources("classpath*:/camunda/*.bpmn")) {
      var doc = factory.newDocumentBuilder().parse(r.getInputStream());
      NodeList userTasks = doc.getElementsByTagNameNS(bpmn, "userTask");
      for (int i = 0; i < userTasks.getLength(); i++) {
        tasks++;
        Element task = (Element) userTasks.item(i);
        NodeList listeners = task.getElementsByTagNameNS(zeebe, "taskListener");
        List<String> found = new ArrayList<>();
        for (int j = 0; j < listeners.getLength(); j++) {
          Element l = (Element) listeners.item(j);
          found.add(l.getAttribute("eventType") + "=" + l.getAttribute("type"));
        }
        if (!found.containsAll(
            List.of(
                "creating=record-task-created",
                "completing=record-task-completed",
                "canceling=record-task-canceled"))) {
          missing.add(r.getFilename() + "/" + task.getAttribute("id") + " " + found);
        }
      }
    }
    assertThat(tasks).isGreaterThan(10);
    assertThat(missing).as("user tasks without the history listeners").isEmpty();
  }
}

package org.interlend.workflows;

import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.Map;
import org.interlend.workflows.engine.EmbeddedEngine;
import org.interlend.workflows.engine.EngineProjection;
import org.interlend.workflows.engine.UserTasks;
import org.interlend.workflows.engine.UserTasks.OpenTask;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Base of process tests: starts instances and walks them through the engine. */
@SpringBootTest(classes = ProcessTestApplication.class)
public abstract class ProcessTest {

  protected static final Duration WAIT = Duration.ofSeconds(20);

  @Autowired protected CamundaClient client;
  @Autowired protected EmbeddedEngine engine;
  @Autowired protected EngineProjection projection;
  @Autowired protected UserTasks userTasks;

  protected long start(String processId, Map<String, Object> variables) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .variables(variables)
        .send()
        .join()
        .getProcessInstanceKey();
  }

  /**
   * Waits for the instance's open user task with this element id, failing at once when the instance
   * (or one it called) raised an incident.
   */
  protected OpenTask awaitTask(long processInstanceKey, String elementId) {
    return awaitNextTask(processInstanceKey, elementId, -1);
  }

  /**
   * Like {@link #awaitTask}, for a task that comes after {@code previousTaskKey} (a later round).
   */
  protected OpenTask awaitNextTask(
      long processInstanceKey, String elementId, long previousTaskKey) {
    return await()
        .pollInSameThread()
        .atMost(WAIT)
        .failFast(
            "an incident was raised", () -> !projection.openIncidents(processInstanceKey).isEmpty())
        .until(
            () ->
                userTasks.open().stream()
                    .filter(
                        t ->
                            t.processInstanceKey() == processInstanceKey
                                && t.elementId().equals(elementId)
                                && t.key() != previousTaskKey)
                    .findFirst(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  protected void awaitCompleted(long processInstanceKey) {
    await()
        .pollInSameThread()
        .atMost(WAIT)
        .failFast(
            "an incident was raised", () -> !projection.openIncidents(processInstanceKey).isEmpty())
        .until(() -> projection.completed(processInstanceKey));
  }
}

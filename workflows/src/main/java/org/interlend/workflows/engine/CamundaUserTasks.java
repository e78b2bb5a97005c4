package org.interlend.workflows.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** User tasks on a Camunda 8.8 cluster, through its REST API (the same one Tasklist uses). */
public class CamundaUserTasks implements UserTasks {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CamundaClient client;

  public CamundaUserTasks(CamundaClient client) {
    this.client = client;
  }

  @Override
  public List<OpenTask> open() {
    return client
        .newUserTaskSearchRequest()
        .filter(f -> f.state(UserTaskState.CREATED))
        .page(p -> p.limit(200))
        .send()
        .join()
        .items()
        .stream()
        .map(CamundaUserTasks::toOpenTask)
        .toList();
  }

  private static OpenTask toOpenTask(UserTask t) {
    return new OpenTask(
        t.getUserTaskKey(),
        t.getElementId(),
        t.getBpmnProcessId(),
        t.getProcessInstanceKey(),
        t.getCandidateGroups() == null ? List.of() : List.copyOf(t.getCandidateGroups()),
        t.getFormKey() == null ? -1 : t.getFormKey(),
        t.getCreationDate() == null ? Instant.EPOCH : t.getCreationDate().toInstant());
  }

  /**
   * Completes through {@code POST /v2/user-tasks/{key}/completion}. A task completed or cancelled
   * before is a 404 there (the engine forgets ended tasks), one in a transition a 409: both mean
   * someone else was first.
   */
  @Override
  public void complete(long userTaskKey, Map<String, Object> variables) {
    try {
      client
          .newCompleteUserTaskCommand(userTaskKey)
          .variables(variables == null ? Map.of() : variables)
          .send()
          .join(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (ProblemException e) {
      if (e.code() == 404 || e.code() == 409) {
        throw new TaskNotOpenException(
            "user task " + userTaskKey + " is not open"
                + (e.details() == null ? "" : ": " + e.details().getDetail()));
      }
      throw e;
    }
  }

  @Override
  public Map<String, Object> processVariables(long processInstanceKey) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (Variable v :
        client
            .newVariableSearchRequest()
            .filter(f -> f.processInstanceKey(processInstanceKey).scopeKey(processInstanceKey))
            .withFullValues()
            .page(p -> p.limit(200))
            .send()
            .join()
            .items()) {
      try {
        variables.put(v.getName(), JSON.readValue(v.getValue(), Object.class));
      } catch (Exception e) {
        variables.put(v.getName(), v.getValue());
      }
    }
    return variables;
  }
}

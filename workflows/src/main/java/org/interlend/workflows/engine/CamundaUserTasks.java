package org.interlend.workflows.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
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

  /** One search per instance: {@code POST /v2/user-tasks/search} by process instance and state. */
  @Override
  public List<OpenTask> openIn(java.util.Collection<Long> processInstanceKeys) {
    List<OpenTask> tasks = new java.util.ArrayList<>();
    for (long key : processInstanceKeys) {
      client
          .newUserTaskSearchRequest()
          .filter(f -> f.processInstanceKey(key).state(UserTaskState.CREATED))
          .send()
          .join()
          .items()
          .forEach(t -> tasks.add(toOpenTask(t)));
    }
    tasks.sort(java.util.Comparator.comparing(OpenTask::created));
    return tasks;
  }

  private static OpenTask toOpenTask(UserTask t) {
    return new OpenTask(
        t.getUserTaskKey(),
        t.getElementId(),
        t.getBpmnProcessId(),
        t.getProcessInstanceKey(),
        t.getCandidateGroups() == null ? List.of() : List.copyOf(t.getCandidateGroups()),
        t.getFormKey() == null ? -1 : t.getFormKey(),
        t.getCreationDate() == null ? Instant.EPOCH : t.getCreationDate().toInstant(),
        t.getAssignee() == null || t.getAssignee().isBlank() ? null : t.getAssignee(),
        t.getDueDate() == null ? null : t.getDueDate().toString());
  }

  /**
   * {@code POST /v2/user-tasks/{key}/assignment} with {@code allowOverride: false}: refused (409)
   * when someone else holds the task, 404 when it has ended.
   */
  @Override
  public void claim(long userTaskKey, String user) {
    try {
      client
          .newAssignUserTaskCommand(userTaskKey)
          .assignee(user)
          .allowOverride(false)
          .send()
          .join(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (ProblemException e) {
      throw notOpen(userTaskKey, e);
    }
  }

  /** {@code DELETE /v2/user-tasks/{key}/assignee}. */
  @Override
  public void unclaim(long userTaskKey) {
    try {
      client
          .newUnassignUserTaskCommand(userTaskKey)
          .send()
          .join(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (ProblemException e) {
      throw notOpen(userTaskKey, e);
    }
  }

  private static RuntimeException notOpen(long userTaskKey, ProblemException e) {
    if (e.code() == 404 || e.code() == 409) {
      return new TaskNotOpenException(
          "user task "
              + userTaskKey
              + " is not open to you"
              + (e.details() == null ? "" : ": " + e.details().getDetail()));
    }
    return e;
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
            "user task "
                + userTaskKey
                + " is not open"
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

package org.interlend.tasks;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.UserTaskProperties;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The listeners every user task carries ({@code <zeebe:taskListener>} on {@code creating}, {@code
 * completing} and {@code canceling}): they write the task's events into the request's history, with
 * the staff member the task was assigned to when completed (Tasklist completes a task only for its
 * assignee; the local desk claims it first) and what the form was completed with. A task whose
 * process has no {@code requestId} (the smoke check) is not recorded.
 *
 * <p>The user task's key and assignee are read from the job's headers ({@code
 * io.camunda.zeebe:userTaskKey}, {@code io.camunda.zeebe:assignee}), which the engine sets on every
 * listener job, and from the job's user-task properties where the gateway sends them.
 */
@Component
public class TaskListenerWorkers {

  /** Job type of the listener on {@code creating}. */
  public static final String CREATED = "record-task-created";

  /** Job type of the listener on {@code completing}. */
  public static final String COMPLETED = "record-task-completed";

  /** Job type of the listener on {@code canceling}. */
  public static final String CANCELED = "record-task-canceled";

  static final String KEY_HEADER = "io.camunda.zeebe:userTaskKey";
  static final String ASSIGNEE_HEADER = "io.camunda.zeebe:assignee";

  private final TaskHistory history;
  private final TaskForms forms;

  public TaskListenerWorkers(TaskHistory history, TaskForms forms) {
    this.history = history;
    this.forms = forms;
  }

  @JobWorker(type = CREATED, fetchVariables = "requestId")
  public void created(ActivatedJob job) {
    record(job, TaskHistory.Event.CREATED, null, null);
  }

  @JobWorker(type = COMPLETED)
  public void completed(ActivatedJob job) {
    TaskForms.Summary summary = forms.summarize(job.getElementId(), job.getVariablesAsMap());
    record(job, TaskHistory.Event.COMPLETED, summary.outcome(), summary.note());
  }

  @JobWorker(type = CANCELED, fetchVariables = "requestId")
  public void canceled(ActivatedJob job) {
    record(job, TaskHistory.Event.CANCELED, null, null);
  }

  private void record(ActivatedJob job, TaskHistory.Event event, String outcome, String note) {
    Object requestId = job.getVariablesAsMap().get("requestId");
    if (requestId == null) {
      return;
    }
    history.record(
        requestId.toString(),
        userTaskKey(job),
        job.getBpmnProcessId(),
        job.getElementId(),
        event,
        event == TaskHistory.Event.COMPLETED ? assignee(job) : null,
        outcome,
        note,
        "job:" + job.getKey());
  }

  static long userTaskKey(ActivatedJob job) {
    String header = job.getCustomHeaders().get(KEY_HEADER);
    if (header != null && !header.isBlank()) {
      return Long.parseLong(header.strip());
    }
    UserTaskProperties task = job.getUserTask();
    if (task != null && task.getUserTaskKey() != null) {
      return task.getUserTaskKey();
    }
    return job.getElementInstanceKey();
  }

  static String assignee(ActivatedJob job) {
    Map<String, String> headers = job.getCustomHeaders();
    String assignee = headers.get(ASSIGNEE_HEADER);
    if ((assignee == null || assignee.isBlank()) && job.getUserTask() != null) {
      assignee = job.getUserTask().getAssignee();
    }
    return assignee == null || assignee.isBlank() ? null : assignee.strip();
  }
}

package org.interlend.workflows.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Camunda user tasks, wherever the engine runs. Against a Camunda cluster this is its REST API
 * (Tasklist is the staff UI there); on the in-memory engine, which has no REST API, it is {@link
 * InMemoryUserTasks}, the one place that knows how to complete a task there.
 */
public interface UserTasks {

  /** Open (created, not completed or cancelled) user tasks, oldest first. */
  List<OpenTask> open();

  /** Open tasks of these process instances, oldest first. */
  default List<OpenTask> openIn(java.util.Collection<Long> processInstanceKeys) {
    return open().stream()
        .filter(t -> processInstanceKeys.contains(t.processInstanceKey()))
        .toList();
  }

  default Optional<OpenTask> find(long userTaskKey) {
    return open().stream().filter(t -> t.key() == userTaskKey).findFirst();
  }

  /**
   * Completes the task; the variables are merged into the process instance.
   *
   * @throws TaskNotOpenException when the task was completed or cancelled before (a lost race)
   */
  void complete(long userTaskKey, Map<String, Object> variables);

  /**
   * Assigns the task to {@code user} ("Assign to me" in Tasklist): only a task nobody else holds.
   *
   * @throws TaskNotOpenException when the task is no longer open or someone else holds it
   */
  void claim(long userTaskKey, String user);

  /**
   * Gives the task back to its candidate groups ("Unassign" in Tasklist).
   *
   * @throws TaskNotOpenException when the task is no longer open
   */
  void unclaim(long userTaskKey);

  /** Current variables of a process instance, for showing a task's context. */
  Map<String, Object> processVariables(long processInstanceKey);

  record OpenTask(
      long key,
      String elementId,
      String bpmnProcessId,
      long processInstanceKey,
      List<String> candidateGroups,
      long formKey,
      Instant created,
      String assignee,
      String dueDate) {

    public OpenTask(
        long key,
        String elementId,
        String bpmnProcessId,
        long processInstanceKey,
        List<String> candidateGroups,
        long formKey,
        Instant created) {
      this(
          key,
          elementId,
          bpmnProcessId,
          processInstanceKey,
          candidateGroups,
          formKey,
          created,
          null,
          null);
    }
  }

  /** The task is no longer open: someone completed it first, or its process moved on. */
  class TaskNotOpenException extends RuntimeException {
    public TaskNotOpenException(String message) {
      super(message);
    }
  }
}

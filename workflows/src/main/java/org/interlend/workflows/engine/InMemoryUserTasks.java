package org.interlend.workflows.engine;

import io.camunda.zeebe.logstreams.log.LogAppendEntry;
import io.camunda.zeebe.logstreams.log.WriteContext;
import io.camunda.zeebe.protocol.impl.encoding.MsgPackConverter;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.value.usertask.UserTaskRecord;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Completes Camunda user tasks on the in-memory engine.
 *
 * <p>The in-memory engine creates user tasks but cannot complete them through any public API: the
 * complete command is REST-only and the engine has no REST gateway. This adapter writes the same
 * {@code USER_TASK COMPLETE} command that the REST gateway would write onto the engine's log, then
 * waits for the engine's answer in the {@link EngineProjection}: a task completed by someone else a
 * moment earlier is rejected by the engine, and the caller hears so. Reading open tasks and
 * variables comes from the projection too.
 */
public class InMemoryUserTasks implements UserTasks {

  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

  private final EmbeddedEngine engine;

  public InMemoryUserTasks(EmbeddedEngine engine) {
    this.engine = engine;
  }

  @Override
  public List<OpenTask> open() {
    return engine.projection().openTasks();
  }

  @Override
  public Optional<OpenTask> find(long userTaskKey) {
    return engine.projection().openTask(userTaskKey);
  }

  @Override
  public void complete(long userTaskKey, Map<String, Object> variables) {
    byte[] msgPack = MsgPackConverter.convertToMsgPack(variables == null ? Map.of() : variables);
    send(
        UserTaskIntent.COMPLETE,
        new UserTaskRecord()
            .setUserTaskKey(userTaskKey)
            .setVariables(new UnsafeBuffer(msgPack))
            .setAction("complete"),
        "completed");
  }

  /** The engine's CLAIM command: assigns the task unless someone else holds it. */
  @Override
  public void claim(long userTaskKey, String user) {
    if (user == null || user.isBlank()) {
      throw new IllegalArgumentException("claim needs a user");
    }
    send(
        UserTaskIntent.CLAIM,
        new UserTaskRecord().setUserTaskKey(userTaskKey).setAssignee(user).setAction("claim"),
        "claimed");
  }

  /** The engine's ASSIGN command with no assignee, as the REST gateway's unassign writes it. */
  @Override
  public void unclaim(long userTaskKey) {
    send(
        UserTaskIntent.ASSIGN,
        new UserTaskRecord().setUserTaskKey(userTaskKey).setAssignee("").setAction("unassign"),
        "unassigned");
  }

  /**
   * Writes a user-task command onto the engine's log and waits for the engine's answer; a rejection
   * means the task is no longer open as the caller thought.
   */
  private void send(UserTaskIntent intent, UserTaskRecord command, String done) {
    engine
        .failure()
        .ifPresent(
            reason -> {
              throw new EngineUnavailableException(reason);
            });
    long userTaskKey = command.getUserTaskKey();
    if (find(userTaskKey).isEmpty()) {
      throw new TaskNotOpenException("user task " + userTaskKey + " is not open");
    }
    RecordMetadata metadata =
        new RecordMetadata()
            .recordType(RecordType.COMMAND)
            .valueType(ValueType.USER_TASK)
            .intent(intent);
    var written =
        engine
            .writer()
            .tryWrite(WriteContext.internal(), LogAppendEntry.of(userTaskKey, metadata, command));
    if (written.isLeft()) {
      throw new EngineUnavailableException(
          "the in-memory engine refused to take the command for user task "
              + userTaskKey
              + ": "
              + written.getLeft());
    }
    EngineProjection.CommandOutcome outcome =
        engine.projection().awaitOutcome(written.get(), ANSWER_TIMEOUT);
    if (!outcome.accepted()) {
      throw new TaskNotOpenException(
          "user task " + userTaskKey + " was not " + done + ": " + outcome.reason());
    }
  }

  @Override
  public Map<String, Object> processVariables(long processInstanceKey) {
    return engine.projection().variables(processInstanceKey);
  }
}

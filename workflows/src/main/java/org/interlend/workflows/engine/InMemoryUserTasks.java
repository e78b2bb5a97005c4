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
 * waits for the engine's answer in the {@link EngineProjection}: a task completed by someone else
 * a moment earlier is rejected by the engine, and the caller hears so. Reading open tasks and
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
    engine.failure().ifPresent(reason -> {
      throw new EngineUnavailableException(reason);
    });
    if (find(userTaskKey).isEmpty()) {
      throw new TaskNotOpenException("user task " + userTaskKey + " is not open");
    }
    byte[] msgPack = MsgPackConverter.convertToMsgPack(variables == null ? Map.of() : variables);
    UserTaskRecord command =
        new UserTaskRecord()
            .setUserTaskKey(userTaskKey)
            .setVariables(new UnsafeBuffer(msgPack))
            .setAction("complete");
    RecordMetadata metadata =
        new RecordMetadata()
            .recordType(RecordType.COMMAND)
            .valueType(ValueType.USER_TASK)
            .intent(UserTaskIntent.COMPLETE);
    var written =
        engine
            .writer()
            .tryWrite(WriteContext.internal(), LogAppendEntry.of(userTaskKey, metadata, command));
    if (written.isLeft()) {
      throw new EngineUnavailableException(
          "the in-memory engine refused to take the completion of user task "
              + userTaskKey
              + ": "
              + written.getLeft());
    }
    EngineProjection.CommandOutcome outcome =
        engine.projection().awaitOutcome(written.get(), ANSWER_TIMEOUT);
    if (!outcome.accepted()) {
      throw new TaskNotOpenException(
          "user task " + userTaskKey + " was not completed: " + outcome.reason());
    }
  }

  @Override
  public Map<String, Object> processVariables(long processInstanceKey) {
    return engine.projection().variables(processInstanceKey);
  }
}

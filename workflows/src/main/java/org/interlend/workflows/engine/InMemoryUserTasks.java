package org.interlend.workflows.engine;

import io.camunda.zeebe.logstreams.log.LogAppendEntry;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.logstreams.log.LogStreamWriter;
import io.camunda.zeebe.logstreams.log.WriteContext;
import io.camunda.zeebe.protocol.impl.encoding.MsgPackConverter;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.value.usertask.UserTaskRecord;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Completes Camunda user tasks on the in-memory engine.
 *
 * <p>The in-memory engine creates user tasks but cannot complete them through any public API: the
 * complete command is REST-only and the engine has no REST gateway. This adapter writes the same
 * {@code USER_TASK COMPLETE} command that the REST gateway would write onto the engine's log. It is
 * the only class that reaches into the engine's internals (the log stream field), and it is used by
 * process tests and by the local staff desk only.
 */
public class InMemoryUserTasks implements UserTasks {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final EmbeddedEngine engine;
  private final LogStreamWriter writer;

  public InMemoryUserTasks(EmbeddedEngine engine) {
    this.engine = engine;
    this.writer = logStream(engine).newLogStreamWriter();
  }

  private static LogStream logStream(EmbeddedEngine engine) {
    Object inMemoryEngine = engine.engine();
    try {
      Field field = inMemoryEngine.getClass().getDeclaredField("logStream");
      field.setAccessible(true);
      return (LogStream) field.get(inMemoryEngine);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "this zeebe-process-test-engine version has no log stream field; the user-task adapter"
              + " must be updated with the engine version",
          e);
    }
  }

  @Override
  public List<OpenTask> open() {
    Map<Long, OpenTask> open = new LinkedHashMap<>();
    for (Record<?> record : engine.records().getRecords()) {
      if (record.getValueType() != ValueType.USER_TASK
          || record.getRecordType() != RecordType.EVENT) {
        continue;
      }
      UserTaskRecordValue task = (UserTaskRecordValue) record.getValue();
      switch ((UserTaskIntent) record.getIntent()) {
        case CREATED ->
            open.put(
                task.getUserTaskKey(),
                new OpenTask(
                    task.getUserTaskKey(),
                    task.getElementId(),
                    task.getBpmnProcessId(),
                    task.getProcessInstanceKey(),
                    List.copyOf(task.getCandidateGroupsList()),
                    task.getFormKey(),
                    Instant.ofEpochMilli(record.getTimestamp())));
        case COMPLETED, CANCELED -> open.remove(task.getUserTaskKey());
        default -> {}
      }
    }
    List<OpenTask> tasks = new ArrayList<>(open.values());
    tasks.sort(Comparator.comparing(OpenTask::created));
    return tasks;
  }

  @Override
  public synchronized void complete(long userTaskKey, Map<String, Object> variables) {
    if (find(userTaskKey).isEmpty()) {
      throw new IllegalArgumentException("no open user task " + userTaskKey);
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
    var result =
        writer.tryWrite(WriteContext.internal(), LogAppendEntry.of(userTaskKey, metadata, command));
    if (result.isLeft()) {
      throw new IllegalStateException(
          "the in-memory engine refused to take the completion of user task "
              + userTaskKey
              + ": "
              + result.getLeft());
    }
  }

  @Override
  public Map<String, Object> processVariables(long processInstanceKey) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (Record<?> record : engine.records().getRecords()) {
      if (record.getValueType() != ValueType.VARIABLE) {
        continue;
      }
      VariableRecordValue variable = (VariableRecordValue) record.getValue();
      if (variable.getProcessInstanceKey() != processInstanceKey
          || variable.getScopeKey() != processInstanceKey) {
        continue;
      }
      if (record.getIntent() == VariableIntent.CREATED
          || record.getIntent() == VariableIntent.UPDATED) {
        variables.put(variable.getName(), parse(variable.getValue()));
      }
    }
    return variables;
  }

  private static Object parse(String json) {
    try {
      return JSON.readValue(json, Object.class);
    } catch (Exception e) {
      return json;
    }
  }
}

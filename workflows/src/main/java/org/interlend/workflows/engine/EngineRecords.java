package org.interlend.workflows.engine;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what happened to process instances from the in-memory engine's record stream: for process
 * tests and the local staff desk. A real cluster answers these questions in Operate.
 */
public class EngineRecords {

  private final EmbeddedEngine engine;

  public EngineRecords(EmbeddedEngine engine) {
    this.engine = engine;
  }

  public boolean completed(long processInstanceKey) {
    return processEvent(processInstanceKey, ProcessInstanceIntent.ELEMENT_COMPLETED);
  }

  public boolean terminated(long processInstanceKey) {
    return processEvent(processInstanceKey, ProcessInstanceIntent.ELEMENT_TERMINATED);
  }

  private boolean processEvent(long processInstanceKey, ProcessInstanceIntent intent) {
    for (Record<?> r : engine.records().getRecords()) {
      if (r.getValueType() == ValueType.PROCESS_INSTANCE
          && r.getIntent() == intent
          && r.getKey() == processInstanceKey) {
        return true;
      }
    }
    return false;
  }

  /** Element ids that the instance passed (completed), in order, including called processes' elements. */
  public List<String> completedElements(long processInstanceKey) {
    List<String> ids = new ArrayList<>();
    for (Record<?> r : engine.records().getRecords()) {
      if (r.getValueType() == ValueType.PROCESS_INSTANCE
          && r.getRecordType() == RecordType.EVENT
          && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED) {
        ProcessInstanceRecordValue v = (ProcessInstanceRecordValue) r.getValue();
        if (v.getProcessInstanceKey() == processInstanceKey
            && v.getBpmnElementType() != BpmnElementType.SEQUENCE_FLOW) {
          ids.add(v.getElementId());
        }
      }
    }
    return ids;
  }

  /** Messages of incidents raised in the instance and not resolved. */
  public List<String> openIncidents(long processInstanceKey) {
    List<Long> resolved = new ArrayList<>();
    List<Record<?>> created = new ArrayList<>();
    for (Record<?> r : engine.records().getRecords()) {
      if (r.getValueType() != ValueType.INCIDENT || r.getRecordType() != RecordType.EVENT) {
        continue;
      }
      IncidentRecordValue v = (IncidentRecordValue) r.getValue();
      if (v.getProcessInstanceKey() != processInstanceKey) {
        continue;
      }
      if (r.getIntent() == IncidentIntent.CREATED) {
        created.add(r);
      } else if (r.getIntent() == IncidentIntent.RESOLVED) {
        resolved.add(r.getKey());
      }
    }
    return created.stream()
        .filter(r -> !resolved.contains(r.getKey()))
        .map(r -> ((IncidentRecordValue) r.getValue()).getErrorMessage())
        .toList();
  }
}

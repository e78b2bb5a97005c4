package org.interlend.workflows.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.logstreams.log.LogStreamReader;
import io.camunda.zeebe.logstreams.log.LoggedEvent;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.value.incident.IncidentRecord;
import io.camunda.zeebe.protocol.impl.record.value.processinstance.ProcessInstanceRecord;
import io.camunda.zeebe.protocol.impl.record.value.usertask.UserTaskRecord;
import io.camunda.zeebe.protocol.impl.record.value.variable.VariableRecord;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.interlend.workflows.engine.UserTasks.OpenTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the app knows of the local engine's processes, built from the engine's records as they are
 * written, the way an exporter builds Operate's and Tasklist's views: open user tasks, live process
 * instances with their variables, active elements and incidents, and a bounded memory of recently
 * ended instances and tasks. The desk, the user-task adapter and the tests all read it.
 *
 * <p>One thread reads the log once, in order, and applies each record; reads from other threads see
 * consistent per-instance snapshots. Nothing here grows with finished work: an instance that ends
 * moves to a bounded list of recent endings, and the log blocks read by both this projection and
 * the engine are dropped from the log storage.
 */
public final class EngineProjection implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EngineProjection.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long COMPACT_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

  /** Element ids remembered per instance, oldest dropped first (a loop could run for years). */
  private static final int MAX_COMPLETED_ELEMENTS = 500;

  /** Where a process instance stands. */
  public enum State {
    ACTIVE,
    COMPLETED,
    TERMINATED
  }

  /** A snapshot of one process instance. Variables are those of the instance's own scope. */
  public record InstanceView(
      long key,
      String processId,
      long parentKey,
      State state,
      Instant started,
      Instant ended,
      Map<String, Object> variables,
      Map<String, Integer> activeElements,
      List<String> completedElements,
      List<Child> children) {}

  /** A process instance called by another one. */
  public record Child(long key, String processId) {}

  /** An open incident. */
  public record Incident(
      long key,
      long processInstanceKey,
      String processId,
      String elementId,
      long elementInstanceKey,
      long jobKey,
      String errorType,
      String message,
      Instant created) {}

  /** How a user task ended: completed with these variables, or cancelled by its process. */
  public record TaskEnding(
      long key, boolean completed, Instant at, Map<String, Object> variables) {}

  /** The engine's answer to a command written by this app: accepted, or rejected with a reason. */
  public record CommandOutcome(boolean accepted, String rejectionType, String reason) {}

  private final LogStreamReader reader;
  private final LongSupplier engineProcessedPosition;
  private final CompactingLogStorage storage;
  private final int endedCapacity;

  private final Map<Long, Instance> live = new ConcurrentHashMap<>();
  private final Map<Long, InstanceView> ended;
  private final Map<Long, OpenTask> openTasks = new ConcurrentHashMap<>();

  /** Tasks being completed (their completing listeners run): no longer open to anyone. */
  private final Map<Long, OpenTask> completingTasks = new ConcurrentHashMap<>();

  private final Map<Long, TaskEnding> endedTasks;
  private final Map<Long, Incident> incidents = new ConcurrentHashMap<>();
  private final Map<Long, CompletableFuture<CommandOutcome>> outcomes;

  private final Thread thread;
  private volatile boolean running = true;
  private volatile long position = -1;
  private volatile Throwable failure;
  private long lastCompaction = System.nanoTime();

  EngineProjection(
      LogStreamReader reader,
      CompactingLogStorage storage,
      LongSupplier engineProcessedPosition,
      int endedCapacity) {
    this.reader = reader;
    this.storage = storage;
    this.engineProcessedPosition = engineProcessedPosition;
    this.endedCapacity = endedCapacity;
    this.ended = lru(endedCapacity);
    this.endedTasks = lru(endedCapacity * 4);
    this.outcomes = lru(1024);
    this.thread = new Thread(this::run, "engine-projection");
    this.thread.setDaemon(true);
    storage.addCommitListener(() -> LockSupport.unpark(thread));
  }

  private static <V> Map<Long, V> lru(int capacity) {
    return java.util.Collections.synchronizedMap(
        new LinkedHashMap<>(16, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Long, V> eldest) {
            return size() > capacity;
          }
        });
  }

  void start() {
    thread.start();
  }

  // ---------------------------------------------------------------- reading

  /** Open user tasks, oldest first. */
  public List<OpenTask> openTasks() {
    List<OpenTask> tasks = new ArrayList<>(openTasks.values());
    tasks.sort(Comparator.comparing(OpenTask::created).thenComparingLong(OpenTask::key));
    return tasks;
  }

  public Optional<OpenTask> openTask(long userTaskKey) {
    return Optional.ofNullable(openTasks.get(userTaskKey));
  }

  /** Whether the task is being completed: its completion was accepted, its listeners still run. */
  public boolean completing(long userTaskKey) {
    return completingTasks.containsKey(userTaskKey);
  }

  /** How a recently ended user task ended; empty if it is open, unknown or long gone. */
  public Optional<TaskEnding> taskEnding(long userTaskKey) {
    return Optional.ofNullable(endedTasks.get(userTaskKey));
  }

  /** A live or recently ended instance. */
  public Optional<InstanceView> instance(long processInstanceKey) {
    Instance instance = live.get(processInstanceKey);
    if (instance != null) {
      return Optional.of(instance.view());
    }
    return Optional.ofNullable(ended.get(processInstanceKey));
  }

  public boolean isLive(long processInstanceKey) {
    return live.containsKey(processInstanceKey);
  }

  public boolean completed(long processInstanceKey) {
    return instance(processInstanceKey).map(i -> i.state() == State.COMPLETED).orElse(false);
  }

  public boolean terminated(long processInstanceKey) {
    return instance(processInstanceKey).map(i -> i.state() == State.TERMINATED).orElse(false);
  }

  /** Element ids the instance completed, in order (not sequence flows, not called instances). */
  public List<String> completedElements(long processInstanceKey) {
    return instance(processInstanceKey).map(InstanceView::completedElements).orElse(List.of());
  }

  public boolean active(long processInstanceKey, String elementId) {
    return instance(processInstanceKey)
        .map(i -> i.activeElements().getOrDefault(elementId, 0) > 0)
        .orElse(false);
  }

  /** The instance's own variables, as JSON values (maps, lists, strings, numbers, booleans). */
  public Map<String, Object> variables(long processInstanceKey) {
    return instance(processInstanceKey).map(InstanceView::variables).orElse(Map.of());
  }

  /** Instances of {@code processId} called by {@code parentKey}, in the order they started. */
  public List<Long> children(long parentKey, String processId) {
    return instance(parentKey).map(InstanceView::children).orElse(List.of()).stream()
        .filter(c -> processId == null || c.processId().equals(processId))
        .map(Child::key)
        .toList();
  }

  /** Open incidents, oldest first. */
  public List<Incident> incidents() {
    List<Incident> list = new ArrayList<>(incidents.values());
    list.sort(Comparator.comparing(Incident::created).thenComparingLong(Incident::key));
    return list;
  }

  public List<Incident> incidents(long processInstanceKey) {
    return incidents().stream().filter(i -> i.processInstanceKey() == processInstanceKey).toList();
  }

  /** Error messages of the instance's open incidents. */
  public List<String> openIncidents(long processInstanceKey) {
    return incidents(processInstanceKey).stream().map(Incident::message).toList();
  }

  public int liveInstances() {
    return live.size();
  }

  /** Position of the last record applied. */
  public long position() {
    return position;
  }

  /** Why the projection stopped, if it did. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  /**
   * The engine's answer to the command this app wrote at {@code commandPosition}, once the engine
   * has processed it.
   */
  CommandOutcome awaitOutcome(long commandPosition, Duration timeout) {
    CompletableFuture<CommandOutcome> future =
        outcomes.computeIfAbsent(commandPosition, p -> new CompletableFuture<>());
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new EngineUnavailableException(
          "the workflow engine did not answer within " + timeout.toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineUnavailableException("interrupted while waiting for the workflow engine");
    } catch (java.util.concurrent.ExecutionException e) {
      throw new EngineUnavailableException(String.valueOf(e.getCause().getMessage()));
    } finally {
      outcomes.remove(commandPosition);
    }
  }

  /** Waits until every record up to {@code position} has been applied. */
  public boolean awaitPosition(long position, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (this.position < position) {
      if (System.nanoTime() > deadline || failure != null) {
        return false;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
    }
    return true;
  }

  // ---------------------------------------------------------------- applying

  private void run() {
    try {
      while (running) {
        boolean read = false;
        while (running && reader.hasNext()) {
          LoggedEvent event = reader.next();
          apply(event);
          position = event.getPosition();
          read = true;
          compactIfDue();
        }
        compactIfDue();
        if (!read) {
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
      }
    } catch (RuntimeException | Error e) {
      failure = e;
      log.error("The engine projection stopped: {}", e.toString(), e);
    }
  }

  private void compactIfDue() {
    long now = System.nanoTime();
    if (now - lastCompaction < COMPACT_EVERY_NANOS) {
      return;
    }
    lastCompaction = now;
    long processed = engineProcessedPosition.getAsLong();
    if (processed >= 0) {
      storage.compactBelow(Math.min(processed, position) + 1);
    }
  }

  private void apply(LoggedEvent event) {
    RecordMetadata metadata = new RecordMetadata();
    event.readMetadata(metadata);
    RecordType type = metadata.getRecordType();
    if (type == RecordType.COMMAND_REJECTION || type == RecordType.EVENT) {
      answer(event.getSourceEventPosition(), metadata);
    }
    if (type != RecordType.EVENT) {
      return;
    }
    Instant at = Instant.ofEpochMilli(event.getTimestamp());
    Intent intent = metadata.getIntent();
    switch (metadata.getValueType()) {
      case PROCESS_INSTANCE -> {
        ProcessInstanceRecord value = new ProcessInstanceRecord();
        event.readValue(value);
        onProcessInstance((ProcessInstanceIntent) intent, event.getKey(), value, at);
      }
      case VARIABLE -> {
        VariableRecord value = new VariableRecord();
        event.readValue(value);
        onVariable((VariableIntent) intent, value, at);
      }
      case USER_TASK -> {
        UserTaskRecord value = new UserTaskRecord();
        event.readValue(value);
        onUserTask((UserTaskIntent) intent, value, at);
      }
      case INCIDENT -> {
        IncidentRecord value = new IncidentRecord();
        event.readValue(value);
        onIncident((IncidentIntent) intent, event.getKey(), value, at);
      }
      default -> {}
    }
  }

  private void answer(long sourcePosition, RecordMetadata metadata) {
    if (sourcePosition < 0 || metadata.getValueType() != ValueType.USER_TASK) {
      return;
    }
    CommandOutcome outcome =
        metadata.getRecordType() == RecordType.COMMAND_REJECTION
            ? new CommandOutcome(
                false, metadata.getRejectionType().name(), metadata.getRejectionReason())
            : new CommandOutcome(true, null, null);
    // the first answer to a command counts; later follow-up events change nothing
    outcomes.computeIfAbsent(sourcePosition, p -> new CompletableFuture<>()).complete(outcome);
  }

  private void onProcessInstance(
      ProcessInstanceIntent intent, long elementKey, ProcessInstanceRecord value, Instant at) {
    long instanceKey = value.getProcessInstanceKey();
    boolean isProcess = value.getBpmnElementType() == BpmnElementType.PROCESS;
    if (isProcess && intent == ProcessInstanceIntent.ELEMENT_ACTIVATING) {
      // a called instance's variables are written before it activates: it may exist already
      Instance instance = instance(instanceKey, value.getBpmnProcessId(), at);
      long parent = value.getParentProcessInstanceKey();
      if (parent > 0 && instance.parentKey <= 0) {
        instance.parentKey = parent;
        Instance caller = live.get(parent);
        if (caller != null) {
          caller.addChild(new Child(instanceKey, instance.processId));
        }
      }
      return;
    }
    Instance instance = live.get(instanceKey);
    if (instance == null || value.getBpmnElementType() == BpmnElementType.SEQUENCE_FLOW) {
      return;
    }
    String elementId = intern(value.getElementId());
    switch (intent) {
      case ELEMENT_ACTIVATED -> instance.activated(elementId);
      case ELEMENT_COMPLETED -> {
        instance.left(elementId);
        if (!isProcess) {
          instance.completed(elementId);
        }
      }
      case ELEMENT_TERMINATED -> instance.left(elementId);
      default -> {}
    }
    if (isProcess && elementKey == instanceKey) {
      if (intent == ProcessInstanceIntent.ELEMENT_COMPLETED) {
        end(instance, State.COMPLETED, at);
      } else if (intent == ProcessInstanceIntent.ELEMENT_TERMINATED) {
        end(instance, State.TERMINATED, at);
      }
    }
  }

  /** The live instance with this key, created at its first record. */
  private Instance instance(long key, String processId, Instant at) {
    return live.computeIfAbsent(key, k -> new Instance(k, processId, at));
  }

  private void end(Instance instance, State state, Instant at) {
    instance.state = state;
    instance.ended = at;
    ended.put(instance.key, instance.view());
    live.remove(instance.key);
    incidents.values().removeIf(i -> i.processInstanceKey() == instance.key);
  }

  private void onVariable(VariableIntent intent, VariableRecord value, Instant at) {
    if (value.getScopeKey() != value.getProcessInstanceKey()) {
      return;
    }
    if (ended.containsKey(value.getProcessInstanceKey())) {
      return;
    }
    Instance instance = instance(value.getProcessInstanceKey(), value.getBpmnProcessId(), at);
    switch (intent) {
      case CREATED, UPDATED -> instance.variables.put(intern(value.getName()), value.getValue());
      default -> {}
    }
  }

  private void onUserTask(UserTaskIntent intent, UserTaskRecord value, Instant at) {
    long key = value.getUserTaskKey();
    switch (intent) {
      case CREATED ->
          openTasks.put(
              key,
              new OpenTask(
                  key,
                  intern(value.getElementId()),
                  intern(value.getBpmnProcessId()),
                  value.getProcessInstanceKey(),
                  List.copyOf(value.getCandidateGroupsList()),
                  value.getFormKey(),
                  at,
                  blankToNull(value.getAssignee()),
                  blankToNull(value.getDueDate())));
      case ASSIGNED, UPDATED ->
          openTasks.computeIfPresent(
              key,
              (k, t) ->
                  new OpenTask(
                      t.key(),
                      t.elementId(),
                      t.bpmnProcessId(),
                      t.processInstanceKey(),
                      List.copyOf(value.getCandidateGroupsList()),
                      t.formKey(),
                      t.created(),
                      blankToNull(value.getAssignee()),
                      blankToNull(value.getDueDate())));
      case COMPLETING -> {
        OpenTask task = openTasks.remove(key);
        if (task != null) {
          completingTasks.put(key, task);
        }
      }
      case COMPLETION_DENIED -> {
        OpenTask task = completingTasks.remove(key);
        if (task != null) {
          openTasks.put(key, task);
        }
      }
      case COMPLETED -> {
        openTasks.remove(key);
        completingTasks.remove(key);
        endedTasks.put(
            key, new TaskEnding(key, true, at, Map.copyOf(nonNull(value.getVariables()))));
      }
      case CANCELED -> {
        openTasks.remove(key);
        completingTasks.remove(key);
        endedTasks.put(key, new TaskEnding(key, false, at, Map.of()));
      }
      default -> {}
    }
  }

  private static Map<String, Object> nonNull(Map<String, Object> variables) {
    Map<String, Object> copy = new LinkedHashMap<>();
    if (variables != null) {
      variables.forEach((k, v) -> copy.put(k, v == null ? "" : v));
    }
    return copy;
  }

  private void onIncident(IncidentIntent intent, long key, IncidentRecord value, Instant at) {
    switch (intent) {
      case CREATED -> {
        if (live.containsKey(value.getProcessInstanceKey())) {
          incidents.put(
              key,
              new Incident(
                  key,
                  value.getProcessInstanceKey(),
                  intern(value.getBpmnProcessId()),
                  intern(value.getElementId()),
                  value.getElementInstanceKey(),
                  value.getJobKey(),
                  value.getErrorType().name(),
                  value.getErrorMessage(),
                  at));
        }
      }
      case RESOLVED -> incidents.remove(key);
      default -> {}
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** Element ids, process ids and variable names repeat endlessly: keep one copy of each. */
  private final Map<String, String> strings = new ConcurrentHashMap<>();

  private String intern(String s) {
    if (strings.size() > 10_000) {
      return s;
    }
    return strings.computeIfAbsent(s, k -> k);
  }

  @Override
  public void close() {
    running = false;
    LockSupport.unpark(thread);
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static Object parse(String json) {
    try {
      return JSON.readValue(json, Object.class);
    } catch (Exception e) {
      return json;
    }
  }

  /** One live instance; written by the projection thread only, read through {@link #view()}. */
  private final class Instance {
    final long key;
    final String processId;
    volatile long parentKey = -1;
    final Instant started;
    final Map<String, String> variables = new ConcurrentHashMap<>();
    final Map<String, Integer> active = new ConcurrentHashMap<>();
    final List<String> completed = new ArrayList<>();
    final List<Child> children = new ArrayList<>();
    volatile State state = State.ACTIVE;
    volatile Instant ended;

    Instance(long key, String processId, Instant started) {
      this.key = key;
      this.processId = intern(processId);
      this.started = started;
    }

    void activated(String elementId) {
      active.merge(elementId, 1, Integer::sum);
    }

    void left(String elementId) {
      active.computeIfPresent(elementId, (k, n) -> n <= 1 ? null : n - 1);
    }

    synchronized void completed(String elementId) {
      if (completed.size() >= MAX_COMPLETED_ELEMENTS) {
        completed.remove(0);
      }
      completed.add(elementId);
    }

    synchronized void addChild(Child child) {
      children.add(child);
    }

    synchronized InstanceView view() {
      Map<String, Object> vars = new LinkedHashMap<>();
      variables.forEach((name, json) -> vars.put(name, parse(json)));
      return new InstanceView(
          key,
          processId,
          parentKey,
          state,
          started,
          ended,
          java.util.Collections.unmodifiableMap(vars),
          Map.copyOf(active),
          List.copyOf(completed),
          List.copyOf(children));
    }
  }
}

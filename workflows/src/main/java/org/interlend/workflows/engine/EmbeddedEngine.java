package org.interlend.workflows.engine;

import io.camunda.zeebe.logstreams.log.LogStreamWriter;
import io.camunda.zeebe.process.test.engine.LocalEngineAssembly;
import io.camunda.zeebe.util.health.FailureListener;
import io.camunda.zeebe.util.health.HealthReport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.interlend.platform.SettingProblem;
import org.interlend.workflows.engine.state.LocalState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Zeebe in-memory engine running in this JVM for local runs and tests, with its gRPC gateway on
 * a configurable address (loopback unless configured), a log that keeps only the records still to
 * be read ({@link CompactingLogStorage}) and the app's {@link EngineProjection} of its records. It
 * keeps no state across restarts.
 */
public class EmbeddedEngine implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedEngine.class);

  private final int port;
  private final String host;
  private final CompactingLogStorage storage = new CompactingLogStorage();
  private final LocalEngineAssembly.Parts parts;
  private final EngineProjection projection;
  private final LogStreamWriter writer;
  private final List<Consumer<String>> failureListeners = new CopyOnWriteArrayList<>();
  private volatile String failure;
  private volatile boolean closed;

  public EmbeddedEngine(int port) {
    this(port, "127.0.0.1", 1000);
  }

  public EmbeddedEngine(int port, String host, int endedInstancesKept) {
    this.port = port;
    this.host = host;
    InetSocketAddress address = address(host, port);
    ensurePortFree(address);
    long started = System.nanoTime();
    this.parts = LocalEngineAssembly.assemble(address, storage, 1, 1);
    this.writer = parts.logStream().newLogStreamWriter();
    this.projection =
        new EngineProjection(
            parts.logStream().newLogStreamReader(),
            storage,
            this::processedPosition,
            endedInstancesKept);
    try {
      parts.grpcServer().start();
    } catch (IOException e) {
      parts.scheduler().stop();
      throw new SettingProblem(
          "interlend.engine.embedded-port",
          "the in-memory engine cannot listen on "
              + host
              + ":"
              + port
              + " ("
              + e.getMessage()
              + ")");
    }
    parts.streamProcessor().openAsync(false).join();
    parts.streamProcessor().addFailureListener(new ProcessingFailure());
    projection.start();
    Thread watchdog = new Thread(this::watch, "engine-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    log.info(
        "In-memory Zeebe engine started on gRPC {}:{} in {} ms",
        host,
        port,
        (System.nanoTime() - started) / 1_000_000);
  }

  private static InetSocketAddress address(String host, int port) {
    try {
      return new InetSocketAddress(InetAddress.getByName(host), port);
    } catch (IOException e) {
      throw new SettingProblem(
          "interlend.engine.embedded-host", "unknown address " + host + ": " + e.getMessage());
    }
  }

  private static void ensurePortFree(InetSocketAddress address) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(address);
    } catch (IOException e) {
      throw new SettingProblem(
          "interlend.engine.embedded-port",
          "port "
              + address.getPort()
              + " for the in-memory engine is taken ("
              + e.getMessage()
              + ")");
    }
  }

  public int port() {
    return port;
  }

  public String grpcAddress() {
    return "http://" + host + ":" + port;
  }

  /** Moves the engine clock forward, firing due timers (local runs and tests only). */
  public void increaseTime(Duration duration) {
    parts.clock().addTime(duration);
  }

  /** The engine's clock: wall-clock time plus every {@link #increaseTime} so far. */
  public Instant now() {
    return Instant.ofEpochMilli(parts.clock().getTimeMillis());
  }

  public EngineProjection projection() {
    return projection;
  }

  /**
   * Whether the process instance runs: the projection is first brought up to everything the engine
   * has written so far, so an instance created a moment ago counts as running.
   */
  public boolean isRunning(long processInstanceKey) {
    if (projection.isLive(processInstanceKey)) {
      return true;
    }
    projection.awaitPosition(storage.highestPosition(), Duration.ofSeconds(2));
    return projection.isLive(processInstanceKey);
  }

  /** Why the engine stopped processing, if it did; empty while it works. */
  public Optional<String> failure() {
    if (failure != null) {
      return Optional.of(failure);
    }
    if (closed) {
      return Optional.of("the workflow engine has been stopped");
    }
    return detectFailure();
  }

  private Optional<String> detectFailure() {
    if (parts.streamProcessor().isFailed()) {
      return Optional.of("the workflow engine's processing has failed");
    }
    if (parts.streamProcessor().isClosed()) {
      return Optional.of("the workflow engine's processing has stopped");
    }
    return projection.failure().map(t -> "the engine projection has failed: " + t);
  }

  /** Checks every second that the engine still processes, and reports a failure once. */
  private void watch() {
    while (!closed && failure == null) {
      detectFailure().ifPresent(this::fail);
      try {
        Thread.sleep(1_000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /**
   * Stops the engine's processing as a crash of its stream processor would (for the tests of the
   * failure path: health, 503 answers).
   */
  public void haltProcessing() {
    try {
      parts.streamProcessor().closeAsync().join(10, TimeUnit.SECONDS);
    } catch (
        Exception e) { // closing an actor may answer "Actor is closed": it is stopped either way
      log.info("The engine's processing stopped: {}", e.toString());
    }
  }

  /** Called once when the engine's processing fails for good. */
  public void onFailure(Consumer<String> listener) {
    failureListeners.add(listener);
  }

  /** Figures for health and benchmarks. */
  public record Stats(
      long retainedLogBlocks,
      long retainedLogBytes,
      long appendedLogBlocks,
      long appendedLogBytes,
      int liveInstances,
      int openTasks,
      long position,
      int stateEntries) {}

  public Stats stats() {
    return new Stats(
        storage.retainedBlocks(),
        storage.retainedBytes(),
        storage.appendedBlocks(),
        storage.appendedBytes(),
        projection.liveInstances(),
        projection.openTasks().size(),
        projection.position(),
        parts.database() instanceof LocalState<?> state ? state.entries() : -1);
  }

  LogStreamWriter writer() {
    return writer;
  }

  private long processedPosition() {
    try {
      return parts.streamProcessor().getLastProcessedPositionAsync().join(1, TimeUnit.SECONDS);
    } catch (Exception e) { // the actor's futures also throw checked exceptions, undeclared
      return -1;
    }
  }

  private void fail(String reason) {
    if (failure != null) {
      return;
    }
    failure = reason;
    log.error("The in-memory workflow engine failed: {}", reason);
    failureListeners.forEach(l -> l.accept(reason));
  }

  private final class ProcessingFailure implements FailureListener {
    @Override
    public void onFailure(HealthReport report) {
      log.warn("The in-memory workflow engine reports a problem: {}", report);
    }

    @Override
    public void onRecovered(HealthReport report) {
      log.info("The in-memory workflow engine recovered: {}", report);
    }

    @Override
    public void onUnrecoverableFailure(HealthReport report) {
      fail("the workflow engine's processing has failed: " + report.issue());
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      parts.grpcServer().shutdownNow();
      parts.grpcServer().awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    projection.close();
    try {
      parts.streamProcessor().closeAsync().join(10, TimeUnit.SECONDS);
      parts.database().close();
      parts.logStream().close();
      parts.scheduler().stop().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      log.warn("The in-memory engine did not stop cleanly: {}", e.toString());
    }
  }
}

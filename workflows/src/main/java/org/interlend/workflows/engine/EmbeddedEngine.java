package org.interlend.workflows.engine;

import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.interlend.platform.SettingProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Zeebe in-memory engine (zeebe-process-test-engine) running in this JVM, with its gRPC gateway
 * on a configurable port. It keeps no state across restarts.
 */
public class EmbeddedEngine implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedEngine.class);

  private final ZeebeTestEngine engine;
  private final int port;

  public EmbeddedEngine(int port) {
    this.port = port;
    ensurePortFree(port);
    long started = System.nanoTime();
    this.engine = EngineFactory.create(port);
    engine.start();
    log.info(
        "In-memory Zeebe engine started on gRPC port {} in {} ms",
        port,
        (System.nanoTime() - started) / 1_000_000);
  }

  private static void ensurePortFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(port));
    } catch (IOException e) {
      throw new SettingProblem(
          "interlend.engine.embedded-port",
          "port " + port + " for the in-memory engine is taken (" + e.getMessage() + ")");
    }
  }

  public int port() {
    return port;
  }

  public String grpcAddress() {
    return "http://127.0.0.1:" + port;
  }

  /** Moves the engine clock forward, firing due timers (local runs and tests only). */
  public void increaseTime(Duration duration) {
    engine.increaseTime(duration);
  }

  public RecordStreamSource records() {
    return engine.getRecordStreamSource();
  }

  ZeebeTestEngine engine() {
    return engine;
  }

  @Override
  public void close() {
    engine.stop();
  }
}

package org.interlend.workflows.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the JVM when the in-memory engine has failed for good: every process lives in that engine,
 * so a supervisor's restart is the only way back. Health says DOWN and the web layer answers 503 in
 * the few seconds before the exit, so requests in flight end with a clear answer.
 */
final class FatalExit {

  static final int ENGINE_FAILED = 70;
  private static final Logger log = LoggerFactory.getLogger(FatalExit.class);

  private FatalExit() {}

  static void engineFailed(String reason) {
    Thread exit =
        new Thread(
            () -> {
              try {
                Thread.sleep(5_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              log.error("Exiting ({}): {}", ENGINE_FAILED, reason);
              System.exit(ENGINE_FAILED);
            },
            "engine-failed-exit");
    exit.setDaemon(true);
    exit.start();
  }
}

package org.interlend.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure a server process that this JVM started (the embedded PostgreSQL) does not outlive it,
 * even when the JVM is killed with {@code kill -9} and has no chance to stop it: a small shell
 * loop, started beside the server, waits for this JVM to go and then stops the server (fast
 * shutdown, then a kill). It ignores Ctrl-C and SIGTERM, so that a normal stop of the app, which
 * stops the server itself, never races it.
 */
public final class ProcessSentinel {

  private static final Logger log = LoggerFactory.getLogger(ProcessSentinel.class);

  private ProcessSentinel() {}

  /**
   * Guards {@code child}; also writes its pid to {@code pidFile} (if given) so that the launcher
   * can find a leftover from an earlier run, and removes {@code removeAfter} (the server's
   * temporary data, if given) once the server is gone.
   */
  public static void guard(ProcessHandle child, String what, Path pidFile, Path removeAfter) {
    guard(ProcessHandle.current().pid(), child, what, pidFile, removeAfter);
  }

  /** As {@link #guard(ProcessHandle, String, Path, Path)}, watching process {@code owner}. */
  static void guard(long owner, ProcessHandle child, String what, Path pidFile, Path removeAfter) {
    long jvm = owner;
    long pid = child.pid();
    String script =
        "trap '' INT TERM HUP; "
            + "while kill -0 "
            + jvm
            + " 2>/dev/null; do sleep 1; done; "
            + "if kill -0 "
            + pid
            + " 2>/dev/null; then kill -INT "
            + pid
            + "; sleep 3; kill -KILL "
            + pid
            + " 2>/dev/null; fi; "
            + (pidFile == null ? "" : "rm -f '" + pidFile + "'; ")
            + (removeAfter == null ? "" : "sleep 1; rm -rf '" + removeAfter + "'; ")
            + "exit 0";
    try {
      new ProcessBuilder("/bin/sh", "-c", script)
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      if (pidFile != null) {
        Files.createDirectories(pidFile.getParent());
        Files.writeString(pidFile, pid + " " + what + "\n");
      }
    } catch (IOException | RuntimeException e) {
      log.warn(
          "No sentinel for the {} (pid {}): it may outlive a killed app: {}",
          what,
          pid,
          e.toString());
    }
  }
}

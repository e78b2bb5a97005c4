package org.interlend.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server started by the app ends when the app is killed, whatever the kill. */
class ProcessSentinelTest {

  @Test
  void theGuardedProcessEndsSoonAfterItsOwnerIsKilledHard(@TempDir Path dir) throws Exception {
    Process owner = new ProcessBuilder("sleep", "600").start();
    Process server = new ProcessBuilder("sleep", "600").start();
    Path pidFile = dir.resolve("run/server.pid");
    Path scratch = Files.createDirectories(dir.resolve("scratch"));
    try {
      ProcessSentinel.guard(owner.pid(), server.toHandle(), "test server", pidFile, scratch);
      assertThat(Files.readString(pidFile)).startsWith(server.pid() + " ");

      Thread.sleep(1500);
      assertThat(server.isAlive()).as("alive while its owner lives").isTrue();

      owner.destroyForcibly(); // kill -9
      await().atMost(Duration.ofSeconds(15)).until(() -> !server.isAlive());
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> !Files.exists(pidFile) && !Files.exists(scratch));
    } finally {
      owner.destroyForcibly();
      server.destroyForcibly();
    }
  }
}

package org.interlend.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.interlend.InterlendApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Bad configuration stops start-up with one clear line naming the setting. */
@ExtendWith(OutputCaptureExtension.class)
class BadConfigurationTest {

  @Test
  void unreachableObjectStoreNamesTheEndpointSetting(CapturedOutput output) {
    assertStartFails(
        output, "interlend.storage.endpoint", "--interlend.storage.endpoint=http://127.0.0.1:1");
  }

  @Test
  void unreachableWorkflowEngineNamesTheAddressSetting(CapturedOutput output) {
    assertStartFails(
        output,
        "interlend.engine.grpc-address",
        "--interlend.engine.grpc-address=http://127.0.0.1:1");
  }

  @Test
  void takenEnginePortNamesThePortSetting(CapturedOutput output) throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      assertStartFails(
          output,
          "interlend.engine.embedded-port",
          "--interlend.engine.embedded-port=" + taken.getLocalPort());
    }
  }

  @Test
  void wrongDatabasePasswordNamesThePasswordSetting(CapturedOutput output, @TempDir Path dir)
      throws Exception {
    Path data = dir.resolve("pg");
    int port;
    try (EmbeddedPostgres pg =
            EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
        Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("create role interlend login password 'right-password'");
      port = pg.getPort();
    }
    // require passwords over TCP from now on
    Files.writeString(
        data.resolve("pg_hba.conf"),
        "local all all trust\nhost all postgres 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 scram-sha-256\nhost all all ::1/128 scram-sha-256\n");
    try (EmbeddedPostgres pg =
        EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start()) {
      assertStartFails(
          output,
          "interlend.db.password",
          "--interlend.db.url=jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres",
          "--interlend.db.username=interlend",
          "--interlend.db.password=wrong-password");
    }
  }

  private static void assertStartFails(CapturedOutput output, String setting, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "--spring.profiles.active=test";
    System.arraycopy(args, 0, all, 1, args.length);
    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(InterlendApplication.class)
                    .properties("server.port=0")
                    .run(all)
                    .close())
        .isNotNull();
    assertThat(output.getAll()).contains("APPLICATION FAILED TO START");
    assertThat(output.getAll())
        .containsPattern("(?m)^" + java.util.regex.Pattern.quote(setting) + ": .+");
    assertThat(output.getAll()).doesNotContainPattern("(?m)^\\s+at [a-z]+\\.");
  }
}

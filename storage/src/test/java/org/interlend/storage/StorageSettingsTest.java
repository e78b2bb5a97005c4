package org.interlend.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import org.interlend.platform.SettingProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageSettingsTest {

  @TempDir Path dataDir;

  @Test
  void unreachableEndpointNamesTheEndpointSetting() {
    URI nowhere = URI.create("http://127.0.0.1:1");
    StorageProperties properties = properties(nowhere, "interlend-local-secret");
    SettingProblem problem =
        catchThrowableOfType(
            SettingProblem.class, () -> StorageConfiguration.open(properties, nowhere, nowhere));
    assertThat(problem.setting()).isEqualTo("interlend.storage.endpoint");
    assertThat(problem).hasMessageContaining("http://127.0.0.1:1").hasMessageNotContaining("\n");
  }

  @Test
  void wrongSecretNamesTheSecretKeySetting() {
    try (EmbeddedS3 s3 =
        new EmbeddedS3(dataDir, 0, "interlend-local", "interlend-local-secret").start()) {
      URI endpoint = s3.endpoint();
      SettingProblem problem =
          catchThrowableOfType(
              SettingProblem.class,
              () -> StorageConfiguration.open(properties(endpoint, "wrong"), endpoint, endpoint));
      assertThat(problem.setting()).isEqualTo("interlend.storage.secret-key");
      assertThat(problem).hasMessageContaining("SignatureDoesNotMatch");
    }
  }

  @Test
  void takenPortNamesThePortSetting() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      EmbeddedS3 s3 = new EmbeddedS3(dataDir, taken.getLocalPort(), "a", "b");
      SettingProblem problem = catchThrowableOfType(SettingProblem.class, s3::start);
      assertThat(problem.setting()).isEqualTo("interlend.storage.embedded-port");
      assertThat(problem).hasMessageContaining(String.valueOf(taken.getLocalPort()));
    }
  }

  private static StorageProperties properties(URI endpoint, String secretKey) {
    return new StorageProperties(
        endpoint, null, "interlend-local", secretKey, "interlend-documents", "us-east-1", 0, null);
  }
}

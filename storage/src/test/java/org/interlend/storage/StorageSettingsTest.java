package org.interlend.storage;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import org.interlend.platform.SettingProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageSettingsTest {

    @TempDir
    Path dataDir;

    @Test
    void unreachableEndpointNamesTheEndpointSetting() {
        URI nowhere = URI.create("http://127.0.0.1:1");
        assertThatThrownBy(() -> StorageConfiguration.open(properties(nowhere, "interlend-local-secret"), nowhere, nowhere))
                .isInstanceOfSatisfying(SettingProblem.class, p -> org.assertj.core.api.Assertions
                        .assertThat(p.setting()).isEqualTo("interlend.storage.endpoint"))
                .hasMessageContaining("http://127.0.0.1:1")
                .hasMessageNotContaining("\n");
    }

    @Test
    void wrongSecretNamesTheSecretKeySetting() {
        try (EmbeddedS3 s3 = new EmbeddedS3(dataDir, 0, "interlend-local", "interlend-local-secret").start()) {
            URI endpoint = s3.endpoint();
            assertThatThrownBy(() -> StorageConfiguration.open(properties(endpoint, "wrong"), endpoint, endpoint))
                    .isInstanceOfSatisfying(SettingProblem.class, p -> org.assertj.core.api.Assertions
                            .assertThat(p.setting()).isEqualTo("interlend.storage.secret-key"));
        }
    }

    @Test
    void takenPortNamesThePortSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            EmbeddedS3 s3 = new EmbeddedS3(dataDir, taken.getLocalPort(), "a", "b");
            assertThatThrownBy(s3::start)
                    .isInstanceOfSatisfying(SettingProblem.class, p -> org.assertj.core.api.Assertions
                            .assertThat(p.setting()).isEqualTo("interlend.storage.embedded-port"))
                    .hasMessageContaining(String.valueOf(taken.getLocalPort()));
        }
    }

    private static StorageProperties properties(URI endpoint, String secretKey) {
        return new StorageProperties(endpoint, null, "interlend-local", secretKey, "interlend-documents",
                "us-east-1", 0, null);
    }
}

package org.interlend.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.interlend.platform.SettingProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.NestedExceptionUtils;

class StorageConfigurationTest {

  @TempDir Path dataDir;

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(StorageConfiguration.class));

  @Test
  void blankEndpointStartsTheEmbeddedServerAndCreatesTheBucket() {
    runner
        .withPropertyValues(
            "interlend.storage.endpoint=",
            "interlend.storage.embedded-port=0",
            "interlend.data-dir=" + dataDir)
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(EmbeddedS3.class);
              EmbeddedS3 s3 = context.getBean(EmbeddedS3.class);
              assertThat(s3.dataDir()).isEqualTo(dataDir.resolve("s3"));
              DocumentStore store = context.getBean(DocumentStore.class);
              assertThat(store.endpoint()).isEqualTo(s3.endpoint());
              assertThat(store.bucketExists()).isTrue();
              var health = context.getBean("storage", HealthIndicator.class).health();
              assertThat(health.getStatus()).isEqualTo(Status.UP);
              assertThat(health.getDetails()).containsEntry("endpoint", s3.endpoint().toString());
            });
  }

  @Test
  void unreachableEndpointFailsStartUpNamingTheSetting() {
    runner
        .withPropertyValues("interlend.storage.endpoint=http://127.0.0.1:1")
        .run(
            context -> {
              assertThat(context).hasFailed();
              Throwable root =
                  NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure());
              SettingProblem problem = findSettingProblem(context.getStartupFailure());
              assertThat(problem).as("SettingProblem in %s", root).isNotNull();
              assertThat(problem.setting()).isEqualTo("interlend.storage.endpoint");
            });
  }

  private static SettingProblem findSettingProblem(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SettingProblem problem) {
        return problem;
      }
    }
    return null;
  }
}

package org.interlend.workflows.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.mock.env.MockEnvironment;

/** The Camunda client's settings follow Interlend's own, with defaults sized for the machine. */
class EngineEnvironmentTest {

  private static ConfigurableEnvironment derived(MockEnvironment given) {
    new EngineEnvironment().postProcessEnvironment(given, new SpringApplication());
    return given;
  }

  @Test
  void workersStreamJobsAndRunConcurrentlyByDefault() {
    var env = derived(new MockEnvironment());
    assertThat(env.getProperty("camunda.client.worker.defaults.stream-enabled", Boolean.class))
        .isTrue();
    assertThat(env.getProperty("camunda.client.execution-threads", Integer.class))
        .isEqualTo(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
    assertThat(env.getProperty("camunda.client.worker.defaults.max-jobs-active", Integer.class))
        .isEqualTo(16);
    assertThat(env.getProperty("camunda.client.grpc-address")).isEqualTo("http://127.0.0.1:26599");
  }

  @Test
  void theClientsStockWorkerSettingsCanBeChosen() {
    var env =
        derived(
            new MockEnvironment()
                .withProperty("interlend.workers.stream", "false")
                .withProperty("interlend.workers.threads", "1")
                .withProperty("interlend.workers.max-jobs-active", "32"));
    assertThat(env.getProperty("camunda.client.worker.defaults.stream-enabled", Boolean.class))
        .isFalse();
    assertThat(env.getProperty("camunda.client.execution-threads", Integer.class)).isEqualTo(1);
    assertThat(env.getProperty("camunda.client.worker.defaults.max-jobs-active", Integer.class))
        .isEqualTo(32);
  }
}

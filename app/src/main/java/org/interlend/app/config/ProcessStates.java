package org.interlend.app.config;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.interlend.app.local.LocalMode;
import org.interlend.requests.ProcessState;
import org.interlend.workflows.engine.EmbeddedEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Where the request domain learns whether a process still runs: the in-memory engine's projection
 * locally, Camunda's REST API (secondary storage: a moment behind the engine) against a cluster.
 */
@Configuration(proxyBeanMethods = false)
class ProcessStates {

  @Bean
  @Conditional(LocalMode.class)
  ProcessState localProcessState(EmbeddedEngine engine) {
    return key -> Optional.of(engine.isRunning(key));
  }

  @Bean
  @Conditional(LocalMode.Cluster.class)
  ProcessState clusterProcessState(CamundaClient client) {
    return key -> {
      try {
        ProcessInstanceState state =
            client.newProcessInstanceGetRequest(key).send().join(5, TimeUnit.SECONDS).getState();
        return state == ProcessInstanceState.ACTIVE
            ? Optional.of(true)
            : state == ProcessInstanceState.COMPLETED || state == ProcessInstanceState.TERMINATED
                ? Optional.of(false)
                : Optional.empty();
      } catch (RuntimeException e) {
        // not yet exported, or the API is unreachable: the engine itself will decide
        return Optional.empty();
      }
    };
  }
}

package org.interlend.app.config;

import io.camunda.client.CamundaClient;
import java.util.Optional;
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
    return new ClusterProcessState(client);
  }
}

package org.interlend.documents;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import org.interlend.storage.DocumentStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The documents staff upload in task forms: Camunda's document store when a Camunda cluster runs
 * the processes (Tasklist uploads there), and always the local desk's, which the in-memory engine's
 * desk uses.
 */
@Configuration(proxyBeanMethods = false)
class DocumentsConfiguration {

  @Bean
  LocalDocuments localDocuments(
      DocumentStore store, @Value("${interlend.documents.time-to-live:30d}") Duration timeToLive) {
    return new LocalDocuments(store, timeToLive);
  }

  @Bean
  Documents documents(LocalDocuments local, CamundaClient client, Environment env) {
    String grpc = env.getProperty("interlend.engine.grpc-address");
    boolean cluster = grpc != null && !grpc.isBlank();
    return new RoutedDocuments(local, cluster ? new CamundaDocuments(client) : null);
  }
}

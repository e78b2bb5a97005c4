package org.interlend.workflows.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.Deployment;
import io.camunda.client.api.worker.BackoffSupplier;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.DefaultJobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The engine: in-memory in this JVM unless {@code interlend.engine.grpc-address} is set. */
@AutoConfiguration(beforeName = "io.camunda.client.spring.configuration.CamundaAutoConfiguration")
@EnableConfigurationProperties(EngineProperties.class)
public class EngineConfiguration {

  @Bean
  Models models() {
    return Models.load();
  }

  @Bean("engine")
  HealthIndicator engineHealth(EngineStatus status) {
    return () ->
        status
            .unavailable()
            .map(reason -> Health.down().withDetail("error", reason).build())
            .orElseGet(() -> Health.up().build());
  }

  /**
   * Technical failures of workers are retried with a growing wait ({@link RetryPolicy}), not at
   * once; business outcomes (BPMN errors) keep the client's handling.
   */
  @Bean
  JobExceptionHandlingStrategy jobExceptionHandlingStrategy(
      CommandExceptionHandlingStrategy commands, MetricsRecorder metrics) {
    return new BackoffOnFailure(new DefaultJobExceptionHandlingStrategy(commands, metrics));
  }

  /**
   * How long a worker waits between polls that found nothing (and after a failed poll): up to 30 s.
   * Jobs reach workers through their streams at once; polling only picks up what a stream missed.
   */
  @Bean
  BackoffSupplier backoffSupplier() {
    return BackoffSupplier.newBackoffBuilder().minDelay(100).maxDelay(30_000).build();
  }

  /** Deploys every BPMN, DMN and form under classpath:camunda/ when the app starts. */
  @Configuration(proxyBeanMethods = false)
  @Deployment(
      resources = {
        "classpath*:/camunda/**/*.bpmn",
        "classpath*:/camunda/**/*.dmn",
        "classpath*:/camunda/**/*.form"
      })
  static class ModelDeployment {}

  @Configuration(proxyBeanMethods = false)
  @Conditional(Embedded.class)
  static class InMemory {

    @Bean(destroyMethod = "close")
    EmbeddedEngine embeddedEngine(EngineProperties properties) {
      EmbeddedEngine engine =
          new EmbeddedEngine(
              properties.embeddedPort(),
              properties.embeddedHost(),
              properties.endedInstancesKept());
      if (properties.exitOnFailure()) {
        engine.onFailure(FatalExit::engineFailed);
      }
      return engine;
    }

    @Bean
    EngineProjection engineProjection(EmbeddedEngine engine) {
      return engine.projection();
    }

    @Bean
    UserTasks userTasks(EmbeddedEngine engine) {
      return new InMemoryUserTasks(engine);
    }

    @Bean
    EngineStatus engineStatus(EmbeddedEngine engine) {
      return engine::failure;
    }

    @Bean
    Incidents incidents(EmbeddedEngine engine, CamundaClient client) {
      return new LocalIncidents(engine.projection(), client);
    }

    @Bean
    ProcessActivity processActivity(EmbeddedEngine engine) {
      return new LocalProcessActivity(engine.projection());
    }
  }

  @Configuration(proxyBeanMethods = false)
  @Conditional(Remote.class)
  static class Cluster {

    @Bean
    UserTasks userTasks(CamundaClient client) {
      return new CamundaUserTasks(client);
    }

    @Bean
    EngineStatus engineStatus(CamundaClient client) {
      return new ClusterStatus(client);
    }

    @Bean
    Incidents incidents(CamundaClient client) {
      return new CamundaIncidents(client);
    }

    @Bean
    ProcessActivity processActivity(CamundaClient client) {
      return new CamundaProcessActivity(client);
    }

    /**
     * Asks the cluster for its topology before the models are deployed and the workers open, so
     * that an unreachable or refusing cluster stops start-up with the setting named.
     */
    @Bean
    Object engineReachable(CamundaClient client, EngineProperties properties) {
      try {
        client.newTopologyRequest().send().join(15, java.util.concurrent.TimeUnit.SECONDS);
        return Boolean.TRUE;
      } catch (RuntimeException e) {
        String message = rootMessage(e);
        boolean auth =
            message.contains("UNAUTHENTICATED")
                || message.contains("PERMISSION_DENIED")
                || message.contains("401")
                || message.contains("403");
        throw new org.interlend.platform.SettingProblem(
            auth ? "interlend.engine.auth.method" : "interlend.engine.grpc-address",
            (auth ? "the workflow engine at " : "cannot reach the workflow engine at ")
                + properties.grpcAddress()
                + (auth ? " refused the credentials: " : ": ")
                + message);
      }
    }
  }

  static String rootMessage(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t.getMessage() != null
          && (t.getCause() == null || t instanceof io.grpc.StatusRuntimeException)) {
        if (!b.isEmpty()) {
          b.append(": ");
        }
        b.append(t.getMessage());
      }
    }
    return b.isEmpty() ? e.getClass().getSimpleName() : b.toString();
  }

  static class Embedded implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      String grpc = context.getEnvironment().getProperty("interlend.engine.grpc-address");
      return grpc == null || grpc.isBlank();
    }
  }

  static class Remote implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !new Embedded().matches(context, metadata);
    }
  }
}

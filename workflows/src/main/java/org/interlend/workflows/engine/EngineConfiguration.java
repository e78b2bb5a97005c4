package org.interlend.workflows.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.Deployment;
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
@AutoConfiguration
@EnableConfigurationProperties(EngineProperties.class)
public class EngineConfiguration {

  @Bean
  Models models() {
    return Models.load();
  }

  @Bean("engine")
  HealthIndicator engineHealth(CamundaClient client) {
    return () -> {
      try {
        var topology = client.newTopologyRequest().send().join(3, java.util.concurrent.TimeUnit.SECONDS);
        return Health.up()
            .withDetail("gateway", topology.getGatewayVersion())
            .withDetail("brokers", topology.getBrokers().size())
            .build();
      } catch (RuntimeException e) {
        return Health.down().withDetail("error", String.valueOf(e.getMessage())).build();
      }
    };
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
      return new EmbeddedEngine(properties.embeddedPort());
    }

    @Bean
    UserTasks userTasks(EmbeddedEngine engine) {
      return new InMemoryUserTasks(engine);
    }

    @Bean
    EngineRecords engineRecords(EmbeddedEngine engine) {
      return new EngineRecords(engine);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @Conditional(Remote.class)
  static class Cluster {

    @Bean
    UserTasks userTasks(CamundaClient client) {
      return new CamundaUserTasks(client);
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
      if (t.getMessage() != null && (t.getCause() == null || t instanceof io.grpc.StatusRuntimeException)) {
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

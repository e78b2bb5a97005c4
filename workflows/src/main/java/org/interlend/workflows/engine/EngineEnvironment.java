package org.interlend.workflows.engine;

import java.util.HashMap;
import java.util.Map;
import org.interlend.platform.Ports;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Derives the Camunda client's settings ({@code camunda.client.*}) from Interlend's one
 * configuration namespace ({@code interlend.engine.*}), so that the engine is configured in one
 * place: no grpc address means the in-memory engine in this JVM, over gRPC.
 */
public class EngineEnvironment implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    Map<String, Object> client = new HashMap<>();
    client.put("camunda.client.mode", "self-managed");
    client.put("camunda.client.prefer-rest-over-grpc", false);
    // Workers: jobs are pushed to open streams as they are created; polling is only the fallback
    // and backs off while there is nothing to do (BackoffSupplier bean), so an idle app writes
    // almost nothing to the engine. Handlers run concurrently on a bounded pool.
    // interlend.workers.stream=false goes back to polling alone (a gateway without job streaming).
    client.put(
        "camunda.client.worker.defaults.stream-enabled",
        env.getProperty("interlend.workers.stream", Boolean.class, true));
    client.put(
        "camunda.client.execution-threads",
        env.getProperty(
            "interlend.workers.threads",
            Integer.class,
            Math.max(4, 2 * Runtime.getRuntime().availableProcessors())));
    client.put(
        "camunda.client.worker.defaults.max-jobs-active",
        env.getProperty("interlend.workers.max-jobs-active", Integer.class, 16));
    String grpc = env.getProperty("interlend.engine.grpc-address");
    if (grpc == null || grpc.isBlank()) {
      int port =
          env.getProperty(
              "interlend.engine.embedded-port",
              Integer.class,
              EngineProperties.DEFAULT_EMBEDDED_PORT);
      if (port == 0) {
        port = Ports.free();
        client.put("interlend.engine.embedded-port", port);
      }
      String host = env.getProperty("interlend.engine.embedded-host", "127.0.0.1");
      if (host.isBlank() || host.equals("0.0.0.0") || host.equals("::")) {
        host = "127.0.0.1";
      }
      client.put("camunda.client.grpc-address", "http://" + host + ":" + port);
      // The in-memory engine has no REST API; nothing may silently reach another local server.
      client.put("camunda.client.rest-address", "http://127.0.0.1:1");
      client.put("camunda.client.auth.method", "none");
    } else {
      client.put("camunda.client.grpc-address", grpc);
      copy(env, client, "rest-address", "rest-address");
      for (String key :
          new String[] {
            "method", "username", "password", "client-id", "client-secret", "token-url", "audience"
          }) {
        copy(env, client, "auth." + key, "auth." + key);
      }
    }
    env.getPropertySources().addFirst(new MapPropertySource("interlend-engine", client));
  }

  private static void copy(
      ConfigurableEnvironment env, Map<String, Object> target, String from, String to) {
    String value = env.getProperty("interlend.engine." + from);
    if (value != null && !value.isBlank()) {
      target.put("camunda.client." + to, value);
    }
  }
}

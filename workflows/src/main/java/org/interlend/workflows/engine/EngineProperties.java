package org.interlend.workflows.engine;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the workflow engine is. With no {@code grpcAddress} the in-memory engine runs in-process on
 * {@code embeddedHost:embeddedPort}; with one, the app talks to a Camunda 8.8 orchestration
 * cluster.
 *
 * @param embeddedHost address the in-memory engine's gRPC gateway binds to (loopback by default: it
 *     has no authentication)
 * @param endedInstancesKept how many ended process instances the local projection remembers
 * @param exitOnFailure end the JVM (exit code 70) when the in-memory engine's processing fails, so
 *     that a supervisor restarts it; tests turn it off
 */
@ConfigurationProperties("interlend.engine")
public record EngineProperties(
    String grpcAddress,
    String restAddress,
    Integer embeddedPort,
    String embeddedHost,
    Integer endedInstancesKept,
    Boolean exitOnFailure,
    Auth auth) {

  public static final int DEFAULT_EMBEDDED_PORT = 26599;

  public EngineProperties {
    embeddedPort = embeddedPort == null ? DEFAULT_EMBEDDED_PORT : embeddedPort;
    embeddedHost = embeddedHost == null || embeddedHost.isBlank() ? "127.0.0.1" : embeddedHost;
    endedInstancesKept = endedInstancesKept == null ? 1000 : endedInstancesKept;
    exitOnFailure = exitOnFailure == null || exitOnFailure;
    auth = auth == null ? new Auth(null, null, null, null, null, null, null) : auth;
  }

  public boolean embedded() {
    return grpcAddress == null || grpcAddress.isBlank();
  }

  /** Credentials for a real cluster: method none, basic or oidc. */
  public record Auth(
      String method,
      String username,
      String password,
      String clientId,
      String clientSecret,
      String tokenUrl,
      String audience) {}
}

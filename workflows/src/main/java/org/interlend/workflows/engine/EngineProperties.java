package org.interlend.workflows.engine;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the workflow engine is. With no {@code grpcAddress} the in-memory engine runs in-process on
 * {@code embeddedPort}; with one, the app talks to a Camunda 8.8 orchestration cluster.
 */
@ConfigurationProperties("interlend.engine")
public record EngineProperties(String grpcAddress, String restAddress, Integer embeddedPort, Auth auth) {

  public static final int DEFAULT_EMBEDDED_PORT = 26599;

  public EngineProperties {
    embeddedPort = embeddedPort == null ? DEFAULT_EMBEDDED_PORT : embeddedPort;
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

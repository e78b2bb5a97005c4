package org.interlend.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The database: an embedded PostgreSQL unless {@code interlend.db.url} is set. */
@ConfigurationProperties("interlend.db")
public record DatabaseProperties(
    String url, String username, String password, Integer embeddedPort) {

  public DatabaseProperties {
    embeddedPort = embeddedPort == null ? 0 : embeddedPort;
  }

  public boolean embedded() {
    return url == null || url.isBlank();
  }
}

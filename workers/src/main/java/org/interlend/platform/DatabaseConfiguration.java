package org.interlend.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * PostgreSQL: a real server started from embedded binaries (zonky) for local runs and tests, or the
 * one at {@code interlend.db.url}. Flyway migrates either at start.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@EnableConfigurationProperties(DatabaseProperties.class)
public class DatabaseConfiguration {

  @Configuration(proxyBeanMethods = false)
  @Conditional(EmbeddedDatabase.class)
  static class Embedded {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(
        DatabaseProperties properties,
        @org.springframework.beans.factory.annotation.Value("${interlend.data-dir:./data}")
            String dataDir) {
      try {
        java.nio.file.Path pgData = java.nio.file.Files.createTempDirectory("interlend-pg-");
        EmbeddedPostgres postgres =
            EmbeddedPostgres.builder()
                .setPort(properties.embeddedPort())
                .setDataDirectory(pgData)
                .setCleanDataDirectory(true)
                .start();
        // pg_ctl starts the server and exits: the server's own pid is in its data directory
        long pid =
            Long.parseLong(
                java.nio.file.Files.readAllLines(pgData.resolve("postmaster.pid")).get(0).strip());
        ProcessHandle.of(pid)
            .ifPresent(
                server ->
                    ProcessSentinel.guard(
                        server,
                        "embedded PostgreSQL",
                        java.nio.file.Path.of(
                            dataDir, "run", "postgres-" + postgres.getPort() + ".pid"),
                        pgData));
        return postgres;
      } catch (IOException | RuntimeException e) {
        throw new SettingProblem(
            "interlend.db.embedded-port",
            "the embedded PostgreSQL did not start on port "
                + properties.embeddedPort()
                + ": "
                + rootMessage(e));
      }
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
      HikariDataSource ds = new HikariDataSource();
      ds.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
      ds.setUsername("postgres");
      ds.setPoolName("interlend");
      ds.setMaximumPoolSize(10);
      return bounded(ds);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @Conditional(ExternalDatabase.class)
  static class External {

    @Bean
    DataSource dataSource(DatabaseProperties properties) {
      // one plain connection first: a bad URL or password fails fast with the setting named,
      // instead of the pool retrying for its whole connection timeout
      DriverManager.setLoginTimeout(10);
      try (Connection ignored =
          DriverManager.getConnection(
              properties.url(), properties.username(), properties.password())) {
        // reachable, and the credentials are right
      } catch (SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String setting = state.startsWith("28") ? "interlend.db.password" : "interlend.db.url";
        throw new SettingProblem(
            setting, "cannot connect to " + properties.url() + ": " + rootMessage(e));
      }
      HikariDataSource ds = new HikariDataSource();
      ds.setJdbcUrl(properties.url());
      ds.setUsername(properties.username());
      ds.setPassword(properties.password());
      ds.setPoolName("interlend");
      return bounded(ds);
    }
  }

  /**
   * A database that is down or hung costs a caller at most a few seconds (then the web layer
   * answers 503), not the pool's default 30 s; a query that runs away is ended after a minute.
   */
  static HikariDataSource bounded(HikariDataSource ds) {
    ds.setConnectionTimeout(5_000);
    ds.setValidationTimeout(3_000);
    ds.addDataSourceProperty("connectTimeout", "5");
    ds.addDataSourceProperty("socketTimeout", "60");
    return ds;
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  static class EmbeddedDatabase implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      String url = context.getEnvironment().getProperty("interlend.db.url");
      return url == null || url.isBlank();
    }
  }

  static class ExternalDatabase implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !new EmbeddedDatabase().matches(context, metadata);
    }
  }
}

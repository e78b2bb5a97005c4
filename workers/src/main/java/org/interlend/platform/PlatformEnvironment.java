package org.interlend.platform;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * Derives Spring's mail and Flyway settings from Interlend's namespace ({@code interlend.mail.*},
 * {@code interlend.db.*}), so that each part is configured in one place.
 */
public class PlatformEnvironment implements EnvironmentPostProcessor {

  public static final int DEFAULT_MAIL_PORT = 2525;

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    Map<String, Object> derived = new HashMap<>();
    if (embeddedMail(env)) {
      int port = env.getProperty("interlend.mail.embedded-port", Integer.class, DEFAULT_MAIL_PORT);
      if (port == 0) {
        port = Ports.free();
        derived.put("interlend.mail.embedded-port", port);
      }
      derived.put("spring.mail.host", "127.0.0.1");
      derived.put("spring.mail.port", port);
    } else {
      derived.put("spring.mail.host", env.getProperty("interlend.mail.host"));
      derived.put("spring.mail.port", env.getProperty("interlend.mail.port", "25"));
      copy(env, derived, "interlend.mail.username", "spring.mail.username");
      copy(env, derived, "interlend.mail.password", "spring.mail.password");
    }
    // every call to the mail server ends within the timeout: a hung server cannot stall a thread
    String timeout =
        String.valueOf(
            env.getProperty(
                    "interlend.mail.timeout",
                    java.time.Duration.class,
                    java.time.Duration.ofSeconds(10))
                .toMillis());
    derived.put("spring.mail.properties.mail.smtp.connectiontimeout", timeout);
    derived.put("spring.mail.properties.mail.smtp.timeout", timeout);
    derived.put("spring.mail.properties.mail.smtp.writetimeout", timeout);
    // the outbox reports mail health (MailHealth); Spring's own check would call the server
    derived.put("management.health.mail.enabled", false);
    String url = env.getProperty("interlend.db.url");
    boolean embeddedDb = url == null || url.isBlank();
    derived.put(
        "spring.flyway.locations",
        embeddedDb || env.getProperty("interlend.demo-data", Boolean.class, false)
            ? "classpath:db/migration,classpath:db/demo"
            : "classpath:db/migration");
    env.getPropertySources().addFirst(new MapPropertySource("interlend-platform", derived));
  }

  static boolean embeddedMail(Environment env) {
    String host = env.getProperty("interlend.mail.host");
    return host == null || host.isBlank();
  }

  private static void copy(
      ConfigurableEnvironment env, Map<String, Object> target, String from, String to) {
    String value = env.getProperty(from);
    if (value != null && !value.isBlank()) {
      target.put(to, value);
    }
  }
}

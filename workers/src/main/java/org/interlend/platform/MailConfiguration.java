package org.interlend.platform;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Mail: GreenMail's SMTP server in this JVM unless {@code interlend.mail.host} is set; the mail
 * sender itself is Spring Boot's, configured by {@link PlatformEnvironment}.
 */
@AutoConfiguration
public class MailConfiguration {

  @Bean(destroyMethod = "stop")
  @Conditional(EmbeddedMail.class)
  GreenMail greenMail(Environment env) {
    int port = env.getRequiredProperty("spring.mail.port", Integer.class);
    GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    try {
      mail.start();
    } catch (RuntimeException e) {
      throw new SettingProblem(
          "interlend.mail.embedded-port",
          "the embedded mail server did not start on port "
              + port
              + ": "
              + DatabaseConfiguration.rootMessage(e));
    }
    return mail;
  }

  /**
   * Checks at start that the configured mail server answers, so that a wrong host or port stops
   * start-up with the setting named, as a wrong database or object store does.
   */
  @Bean
  @Conditional(ExternalMail.class)
  Object mailReachable(JavaMailSender sender, Environment env) {
    if (sender instanceof JavaMailSenderImpl impl) {
      try {
        impl.testConnection();
      } catch (MessagingException e) {
        throw new SettingProblem(
            "interlend.mail.host",
            "cannot reach the mail server at "
                + env.getProperty("spring.mail.host")
                + ":"
                + env.getProperty("spring.mail.port")
                + ": "
                + DatabaseConfiguration.rootMessage(e));
      }
    }
    return Boolean.TRUE;
  }

  /**
   * The embedded server keeps every mail it receives in memory; local runs last for days, so mails
   * older than a day are dropped (the outbox in the database keeps the record of every notice).
   */
  @Bean
  @Conditional(EmbeddedMail.class)
  EmbeddedMailRetention embeddedMailRetention(GreenMail greenMail) {
    return new EmbeddedMailRetention(greenMail);
  }

  static class ExternalMail implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !PlatformEnvironment.embeddedMail(context.getEnvironment());
    }
  }

  static class EmbeddedMail implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return PlatformEnvironment.embeddedMail(context.getEnvironment());
    }
  }
}

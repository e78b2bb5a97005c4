package org.interlend.platform;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

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

  static class EmbeddedMail implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return PlatformEnvironment.embeddedMail(context.getEnvironment());
    }
  }
}

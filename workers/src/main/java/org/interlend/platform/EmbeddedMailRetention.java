package org.interlend.platform;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Bounds what the embedded mail server holds: once an hour, if its oldest mail is more than a day
 * old, it is emptied. The outbox table keeps every notice; GreenMail is only the local stand-in for
 * a mail server.
 */
public final class EmbeddedMailRetention implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedMailRetention.class);
  static final Duration KEEP = Duration.ofDays(1);

  private final GreenMail greenMail;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "embedded-mail-retention");
            t.setDaemon(true);
            return t;
          });

  EmbeddedMailRetention(GreenMail greenMail) {
    this.greenMail = greenMail;
    timer.scheduleWithFixedDelay(this::trim, 1, 1, TimeUnit.HOURS);
  }

  void trim() {
    try {
      MimeMessage[] messages = greenMail.getReceivedMessages();
      if (messages.length == 0) {
        return;
      }
      var sent = messages[0].getSentDate();
      if (sent != null && sent.toInstant().isBefore(Instant.now().minus(KEEP))) {
        greenMail.purgeEmailFromAllMailboxes();
        log.info(
            "Emptied the embedded mail server ({} mails, the oldest over a day old)",
            messages.length);
      }
    } catch (MessagingException
        | com.icegreen.greenmail.store.FolderException
        | RuntimeException e) {
      log.warn("Could not trim the embedded mail server: {}", e.toString());
    }
  }

  @Override
  public void destroy() {
    timer.shutdownNow();
  }
}

package org.interlend.notices;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * E-mail notices to patrons and staff, each sent once per key: a job delivered twice (at-least-once)
 * finds its notice already recorded and sends nothing.
 */
@Service
public class Notices {

  private final JdbcTemplate jdbc;
  private final JavaMailSender mail;
  private final String from;

  public Notices(
      JdbcTemplate jdbc,
      JavaMailSender mail,
      @Value("${interlend.mail.from:Interlend <ill@interlend.local>}") String from) {
    this.jdbc = jdbc;
    this.mail = mail;
    this.from = from;
  }

  /**
   * Records and sends the notice unless one with this key was sent before.
   *
   * @return true if it was sent now, false if it had been sent already
   */
  @Transactional
  public boolean send(String key, String to, String subject, String body) {
    int recorded =
        jdbc.update(
            "insert into notice (dedup_key, recipient, subject, body) values (?, ?, ?, ?)"
                + " on conflict (dedup_key) do nothing",
            key,
            to,
            subject,
            body);
    if (recorded == 0) {
      return false;
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(from);
    message.setTo(to);
    message.setSubject(subject);
    message.setText(body);
    mail.send(message); // a failure rolls the record back, so a retry sends it again
    return true;
  }

  public int countSent(String key) {
    return jdbc.queryForObject("select count(*) from notice where dedup_key = ?", Integer.class, key);
  }
}

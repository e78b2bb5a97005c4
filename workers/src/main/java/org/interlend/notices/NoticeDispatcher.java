package org.interlend.notices;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the notices recorded in the outbox. One thread per app claims due notices one at a time
 * ({@code for update skip locked}, so replicas sharing a database never send the same notice
 * together), sends each and marks it sent; a failure schedules the next try with a growing wait
 * ({@link #retryDelay}) until the notice has waited {@code interlend.mail.retry-for} (48 hours by
 * default), when it is marked FAILED for staff to see. The wait grows to {@code
 * interlend.mail.retry-max} (15 minutes) at most.
 *
 * <p>A notice is sent at least once: if the app dies between the mail server's acceptance and the
 * "sent" mark, another try sends it again after the claim lapses (two minutes).
 */
@Component
public class NoticeDispatcher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(NoticeDispatcher.class);
  private static final Duration CLAIM = Duration.ofMinutes(2);
  private static final Duration IDLE_WAIT = Duration.ofSeconds(5);

  private final JdbcTemplate jdbc;
  private final JavaMailSender mail;
  private final String from;
  private final Duration retryFor;
  private final Duration retryMax;
  private final Semaphore wakeUps = new Semaphore(0);
  private final AtomicReference<String> lastFailure = new AtomicReference<>();
  private volatile Thread thread;
  private volatile boolean running;
  private volatile Instant lastDatabaseWarning = Instant.EPOCH;

  public NoticeDispatcher(
      JdbcTemplate jdbc,
      JavaMailSender mail,
      @Value("${interlend.mail.from:Interlend <ill@interlend.local>}") String from,
      @Value("${interlend.mail.retry-for:48h}") Duration retryFor,
      @Value("${interlend.mail.retry-max:15m}") Duration retryMax) {
    this.jdbc = jdbc;
    this.mail = mail;
    this.from = from;
    this.retryFor = retryFor;
    if (retryMax.isNegative() || retryMax.isZero()) {
      throw new IllegalArgumentException(
          "interlend.mail.retry-max must be positive, not " + retryMax);
    }
    this.retryMax = retryMax;
  }

  /** The wait before try {@code attempt + 1}: 15 s, 30 s, 1, 2, 4, 8 minutes, then every 15. */
  static Duration retryDelay(int attempt) {
    return retryDelay(attempt, Duration.ofMinutes(15));
  }

  /**
   * As {@link #retryDelay(int)}, never longer than {@code max} ({@code interlend.mail.retry-max}).
   */
  static Duration retryDelay(int attempt, Duration max) {
    long seconds = 15L << Math.min(Math.max(attempt - 1, 0), 10);
    return Duration.ofSeconds(Math.max(1, Math.min(seconds, max.toSeconds())));
  }

  /** Asks the dispatcher to look for due notices now. */
  void wakeUp() {
    if (wakeUps.availablePermits() == 0) {
      wakeUps.release();
    }
  }

  /** The last send failure, while sending keeps failing; empty once a notice goes out. */
  public Optional<String> lastFailure() {
    return Optional.ofNullable(lastFailure.get());
  }

  /** Counts of the outbox by status, and the age of the oldest pending notice. */
  public record Backlog(long pending, long failed, Duration oldestPending) {}

  public Backlog backlog() {
    return jdbc.queryForObject(
        "select count(*) filter (where status = 'PENDING'),"
            + " count(*) filter (where status = 'FAILED'),"
            + " coalesce(extract(epoch from now() - min(queued_at) filter (where status = 'PENDING')), 0)"
            + " from notice where status <> 'SENT'",
        (rs, i) -> new Backlog(rs.getLong(1), rs.getLong(2), Duration.ofSeconds(rs.getLong(3))));
  }

  private record Due(
      long id, String recipient, String subject, String body, int attempts, Instant queued) {}

  /** Sends every notice that is due now; returns how many it tried. */
  int dispatchDue() {
    int tried = 0;
    while (running || thread == null) {
      Optional<Due> due = claimNext();
      if (due.isEmpty()) {
        return tried;
      }
      tried++;
      if (!deliver(due.get())) {
        return tried; // the server is failing: wait before trying the next one
      }
    }
    return tried;
  }

  private Optional<Due> claimNext() {
    List<Due> claimed =
        jdbc.query(
            "update notice set claimed_until = now() + make_interval(secs => ?),"
                + " attempts = attempts + 1"
                + " where id = (select id from notice where status = 'PENDING'"
                + "   and next_attempt_at <= now() and (claimed_until is null or claimed_until < now())"
                + "   order by next_attempt_at, id limit 1 for update skip locked)"
                + " returning id, recipient, subject, body, attempts, queued_at",
            (rs, i) ->
                new Due(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getInt(5),
                    rs.getTimestamp(6).toInstant()),
            CLAIM.toSeconds());
    return claimed.stream().findFirst();
  }

  private boolean deliver(Due due) {
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(from);
    message.setTo(due.recipient());
    message.setSubject(due.subject());
    message.setText(due.body());
    try {
      mail.send(message);
    } catch (MailException e) {
      String reason = rootMessage(e);
      boolean giveUp = due.queued().plus(retryFor).isBefore(Instant.now());
      Duration wait = retryDelay(due.attempts(), retryMax);
      jdbc.update(
          "update notice set claimed_until = null, last_error = ?,"
              + " next_attempt_at = now() + make_interval(secs => ?), status = ? where id = ?",
          reason,
          wait.toSeconds(),
          giveUp ? "FAILED" : "PENDING",
          due.id());
      if (lastFailure.getAndSet(reason) == null || giveUp) {
        log.warn(
            "Mail to {} not sent (try {}), {}: {}",
            due.recipient(),
            due.attempts(),
            giveUp ? "given up after " + retryFor : "next try in " + wait.toSeconds() + " s",
            reason);
      }
      return false;
    }
    jdbc.update(
        "update notice set status = 'SENT', sent_at = now(), claimed_until = null, last_error = null"
            + " where id = ?",
        due.id());
    if (lastFailure.getAndSet(null) != null) {
      log.info("Mail is being sent again");
    }
    return true;
  }

  private void run() {
    while (running) {
      try {
        dispatchDue();
      } catch (DataAccessException e) {
        if (Instant.now().isAfter(lastDatabaseWarning.plus(Duration.ofMinutes(1)))) {
          lastDatabaseWarning = Instant.now();
          log.warn("The notice outbox cannot be read now: {}", rootMessage(e));
        }
      } catch (RuntimeException e) {
        log.error("The notice dispatcher hit an unexpected error", e);
      }
      try {
        wakeUps.tryAcquire(IDLE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        wakeUps.drainPermits();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return root == e ? message : e.getClass().getSimpleName() + ": " + message;
  }

  @Override
  public void start() {
    running = true;
    thread = new Thread(this::run, "notice-dispatcher");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void stop() {
    running = false;
    Thread t = thread;
    if (t != null) {
      t.interrupt();
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Starts after the database (Flyway) and stops before it. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 100;
  }
}

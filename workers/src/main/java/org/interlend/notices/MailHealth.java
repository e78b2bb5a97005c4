package org.interlend.notices;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Mail as the outbox sees it: DOWN while sending keeps failing (with the reason), UP otherwise; the
 * backlog in the details. It asks the database, never the mail server, so a hung mail server cannot
 * hang the health endpoint.
 */
@Component("mail")
class MailHealth implements HealthIndicator {

  private final NoticeDispatcher dispatcher;

  MailHealth(NoticeDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @Override
  public Health health() {
    NoticeDispatcher.Backlog backlog = dispatcher.backlog();
    Health.Builder health =
        dispatcher
            .lastFailure()
            .map(reason -> Health.down().withDetail("error", reason))
            .orElseGet(Health::up);
    return health
        .withDetail("pending", backlog.pending())
        .withDetail("failed", backlog.failed())
        .withDetail("oldestPendingSeconds", backlog.oldestPending().toSeconds())
        .build();
  }
}

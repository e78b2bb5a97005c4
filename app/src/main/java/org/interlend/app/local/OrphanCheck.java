package org.interlend.app.local;

import org.interlend.recovery.OrphanedRequests;
import org.interlend.requests.ProcessState;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Local mode keeps no processes across restarts; an external database keeps the requests. Before
 * the app takes requests, every open request whose process is gone is ended and its patron told
 * ({@link OrphanedRequests}). With the embedded database, which starts fresh, there are none.
 */
@Component
@Conditional(LocalMode.class)
class OrphanCheck {

  private final OrphanedRequests orphans;
  private final ProcessState processes;

  OrphanCheck(OrphanedRequests orphans, ProcessState processes) {
    this.orphans = orphans;
    this.processes = processes;
  }

  @EventListener(ApplicationStartedEvent.class)
  void endOrphans() {
    orphans.reconcile(processes);
  }
}

package org.interlend.workflows.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import java.util.Optional;
import org.interlend.lending.PhysicalRequests;
import org.interlend.recovery.OrphanedRequests;
import org.interlend.requests.ProcessState;
import org.interlend.requests.Request;
import org.interlend.requests.RequestMessages;
import org.interlend.requests.RequestNotActiveException;
import org.interlend.requests.RequestStatus;
import org.interlend.requests.Requests;
import org.interlend.workflows.ProcessTest;
import org.interlend.workflows.lending.PhysicalFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Requests whose process is gone (a restarted local engine, an external database) are ended, their
 * quota given back and their patron told; actions on them are refused, not accepted to do nothing.
 */
class OrphanedRequestsTest extends ProcessTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired Requests requests;
  @Autowired GreenMail mail;
  @Autowired PhysicalRequests physical;
  @Autowired RequestMessages messages;
  @Autowired OrphanedRequests orphans;
  @Autowired ProcessState processes;

  @Test
  void aRequestWhoseProcessIsGoneIsEndedItsQuotaFreedAndItsPatronTold() {
    var data = new PhysicalFixtures(jdbc, requests, mail);
    String patron = data.patron("UNDERGRADUATE", 2, false);
    Request running = physical.place(patron, data.titleAt("hku"));
    Request lost = physical.place(patron, data.titleAt("polyu"));
    data.awaitStatus(lost.id(), RequestStatus.REQUESTED);
    await().until(() -> data.loansInUse(patron) == 4);
    // as after a restart of the local engine: the request's process does not exist
    client.newCancelInstanceCommand(lost.processInstanceKey()).send().join();
    await().until(() -> !processes.live(lost.processInstanceKey()).orElse(true));

    assertThatThrownBy(() -> physical.cancel(lost.id(), patron))
        .isInstanceOf(RequestNotActiveException.class)
        .hasMessageContaining("its process is no longer running");
    assertThatThrownBy(() -> messages.publish("loan-renew", lost.id(), null, null))
        .isInstanceOf(RequestNotActiveException.class);

    assertThat(orphans.reconcile(processes)).isGreaterThanOrEqualTo(1);
    assertThat(requests.get(lost.id()).status()).isEqualTo(RequestStatus.CANCELLED);
    assertThat(requests.history(lost.id()).getLast().actor()).isEqualTo("system");
    assertThat(requests.get(running.id()).status()).isEqualTo(RequestStatus.REQUESTED);
    assertThat(data.loansInUse(patron)).isEqualTo(3);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                data.mailsTo(data.email(patron))
                    .contains("Request " + lost.id() + " ended: " + lost.title()));

    // a second pass changes nothing
    orphans.reconcile(key -> Optional.of(key != lost.processInstanceKey()));
    assertThat(data.loansInUse(patron)).isEqualTo(3);
    assertThat(requests.history(lost.id()).stream().filter(c -> c.actor().equals("system")).count())
        .isEqualTo(1);
  }
}

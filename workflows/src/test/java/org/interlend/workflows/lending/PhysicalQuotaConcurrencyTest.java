package org.interlend.workflows.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.interlend.lending.HkallAccounts;
import org.interlend.lending.PhysicalRequests;
import org.interlend.requests.Request;
import org.interlend.requests.RequestStatus;
import org.interlend.requests.Requests;
import org.interlend.workflows.ProcessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** HKALL requests use the home loan quota, exactly, however many requests race for it. */
class PhysicalQuotaConcurrencyTest extends ProcessTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired Requests requests;
  @Autowired PhysicalRequests physicalRequests;
  @Autowired GreenMail mail;

  @Test
  void tenParallelRequestsForTheLastSlotLetExactlyOneThrough() throws Exception {
    var data = new PhysicalFixtures(jdbc, requests, mail);
    String patron = data.patron("UNDERGRADUATE", 14, false); // quota 15: one slot left
    List<Long> titles = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      titles.add(data.titleAt("hku"));
    }

    ExecutorService pool = Executors.newFixedThreadPool(10);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Request>> placed = new ArrayList<>();
    for (long title : titles) {
      placed.add(
          pool.submit(
              () -> {
                go.await();
                return physicalRequests.place(patron, title);
              }));
    }
    go.countDown();
    List<Request> all = new ArrayList<>();
    for (Future<Request> f : placed) {
      all.add(f.get());
    }
    pool.shutdown();

    // every request is decided: rejected, or past eligibility and waiting for its lender
    await()
        .pollInSameThread()
        .atMost(WAIT)
        .until(
            () ->
                all.stream()
                    .allMatch(
                        r ->
                            requests.get(r.id()).status() == RequestStatus.REJECTED
                                || userTasks.open().stream()
                                    .anyMatch(
                                        t ->
                                            t.processInstanceKey() == r.processInstanceKey()
                                                && t.elementId().equals("hkallPullAndShip"))));

    List<Request> accepted =
        all.stream().filter(r -> requests.get(r.id()).status() == RequestStatus.REQUESTED).toList();
    List<Request> rejected =
        all.stream().filter(r -> requests.get(r.id()).status() == RequestStatus.REJECTED).toList();
    assertThat(accepted).hasSize(1);
    assertThat(rejected).hasSize(9);
    assertThat(requests.get(accepted.get(0).id()).quotaHeld()).isTrue();
    for (Request r : rejected) {
      assertThat(data.last(r.id()).note()).startsWith(HkallAccounts.QUOTA_REACHED);
      assertThat(requests.get(r.id()).quotaHeld()).isFalse();
    }
    assertThat(data.loansInUse(patron)).isEqualTo(15);

    // and the slot comes back when the accepted request is cancelled
    physicalRequests.cancel(accepted.get(0).id(), "patron " + patron);
    awaitCompleted(accepted.get(0).processInstanceKey());
    assertThat(data.loansInUse(patron)).isEqualTo(14);
  }
}

package org.interlend.workflows.lending;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.camunda.client.api.response.ActivatedJob;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.interlend.lending.PhysicalLoanWorkers;
import org.interlend.lending.PhysicalLoans;
import org.interlend.notices.NoticeWorker;
import org.interlend.requests.Request;
import org.interlend.requests.RequestStatus;
import org.interlend.requests.RequestStatusWorker;
import org.interlend.requests.Requests;
import org.interlend.workflows.ProcessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * At-least-once delivery: the same job handed to the workers twice (a worker whose completion was
 * lost gets the job again, with the same key) sends one e-mail and writes one status change.
 */
class PhysicalIdempotencyTest extends ProcessTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired Requests requests;
  @Autowired PhysicalLoans loans;
  @Autowired PhysicalLoanWorkers physicalWorkers;
  @Autowired RequestStatusWorker statusWorker;
  @Autowired NoticeWorker noticeWorker;
  @Autowired GreenMail mail;

  /** A request of our own, without a process instance, so only this test's calls touch it. */
  private Request request(PhysicalFixtures data, long bib) {
    String patron = data.patron("UNDERGRADUATE");
    Request r = requests.create("PHYSICAL", patron, "Idempotency " + PhysicalFixtures.unique());
    loans.open(r.id(), bib, "cityu");
    return r;
  }

  @Test
  void theShipmentJobTwiceRecordsOneAnswerAndOneTransfer() {
    var data = new PhysicalFixtures(jdbc, requests, mail);
    long bib = data.titleAt("hku");
    Request r = request(data, bib);
    ActivatedJob job = job(Map.of("requestId", r.id()), Map.of());

    for (int i = 0; i < 2; i++) {
      var out =
          physicalWorkers.recordLenderAnswer(
              job, r.id(), "hku", null, "2026-03-01T02:00:00Z", "SHIPPED", "parcel 7");
      assertThat(out).containsEntry("lenderAnswer", "SHIPPED");
    }

    assertThat(data.statuses(r.id()))
        .containsExactly(RequestStatus.REQUESTED, RequestStatus.TRANSFERRED);
    assertThat(loans.answers(r.id())).containsExactly("hku: SHIPPED");
    assertThat(data.itemStatus(bib, "hku")).isEqualTo("ON_HKALL_LOAN");
  }

  @Test
  void theStatusAndNoticeJobsTwiceWriteOneRowAndSendOneMail() {
    var data = new PhysicalFixtures(jdbc, requests, mail);
    Request r = request(data, data.titleAt("hku"));

    ActivatedJob status = job(Map.of("requestId", r.id()), Map.of("actor", "home library staff"));
    statusWorker.recordStatus(status, r.id(), "RECEIVED", null);
    statusWorker.recordStatus(status, r.id(), "RECEIVED", null);

    ActivatedJob notice =
        job(
            Map.of("requestId", r.id(), "pickupBy", "2026-12-01"),
            Map.of("template", "physical-pickup"));
    noticeWorker.sendNotice(notice);
    noticeWorker.sendNotice(notice);

    assertThat(data.statuses(r.id()))
        .containsExactly(RequestStatus.REQUESTED, RequestStatus.RECEIVED);
    // the outbox sends the one notice it recorded, shortly after
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(20))
        .until(() -> !data.mailsTo(data.email(r.patronId())).isEmpty());
    assertThat(
            jdbc.queryForObject(
                "select count(*) from notice where dedup_key = ?",
                Integer.class,
                "job:" + notice.getKey()))
        .isEqualTo(1);
    assertThat(data.mailsTo(data.email(r.patronId())))
        .containsExactly("Ready for pickup: " + r.title() + " (HKALL request " + r.id() + ")");
  }

  @Test
  void theReceiptAndCheckoutJobsTwiceKeepTheFirstTimes() {
    var data = new PhysicalFixtures(jdbc, requests, mail);
    Request r = request(data, data.titleAt("hku"));

    var first = physicalWorkers.markReceived(r.id(), "2026-03-01T02:00:00Z");
    var firstReceived = loans.get(r.id()).receivedAt();
    // a retry delivered later keeps the first receipt and the same pickup window
    assertThat(physicalWorkers.markReceived(r.id(), "2026-03-01T09:00:00Z")).isEqualTo(first);
    assertThat(first)
        .containsEntry("pickupBy", "2026-03-06")
        .containsEntry("pickupDeadline", "2026-03-06T16:00:00Z");
    assertThat(loans.get(r.id()).receivedAt()).isEqualTo(firstReceived);

    var out = physicalWorkers.checkOut(r.id(), 15, "2026-03-01T10:00:00+08:00[Asia/Hong_Kong]");
    // a retry delivered later keeps the first checkout time and due date
    assertThat(physicalWorkers.checkOut(r.id(), 15, "2026-03-02T09:00:00Z")).isEqualTo(out);
    assertThat(out)
        .containsEntry("checkoutAt", "2026-03-01T02:00:00Z")
        .containsEntry("dueDate", "2026-03-16");
  }

  /** A job as the engine hands it to a worker: a fixed key, variables and headers. */
  private static ActivatedJob job(Map<String, Object> variables, Map<String, String> headers) {
    long key = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
    Map<String, Object> vars = new HashMap<>(variables);
    return (ActivatedJob)
        Proxy.newProxyInstance(
            ActivatedJob.class.getClassLoader(),
            new Class<?>[] {ActivatedJob.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getKey" -> key;
                  case "getCustomHeaders" -> headers;
                  case "getVariablesAsMap" -> vars;
                  case "getElementId" -> "test";
                  case "getType" -> "test";
                  case "getRetries" -> 3;
                  case "toString" -> "job " + key;
                  case "hashCode" -> (int) key;
                  case "equals" -> proxy == args[0];
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}

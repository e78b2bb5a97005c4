package org.interlend.workflows.overseas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.interlend.overseas.Charges;
import org.interlend.overseas.OverseasOrders;
import org.interlend.overseas.OverseasOrders.Cancel;
import org.interlend.overseas.OverseasRequests;
import org.interlend.requests.RequestStatus;
import org.interlend.requests.StatusChange;
import org.interlend.workflows.engine.UserTasks.OpenTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A patron cancels an overseas request before the order is placed; after it, the cancel is refused.
 */
class OverseasCancelProcessTest extends OverseasProcessTestBase {

  @Autowired OverseasOrders orders;
  @Autowired OverseasRequests overseas;

  @Test
  void aPatronCancelsWhileStaffAreSourcing() {
    Placed r = place("ACADEMIC", "BOOK", "TEACHING_RESEARCH");
    OpenTask sourcing = awaitTask(r.instance(), "sourceFromPartner");

    Cancel result = orders.cancel(r.requestId(), "patron " + r.patron().id());

    assertThat(result).isInstanceOf(Cancel.Done.class);
    assertThat(((Cancel.Done) result).request().status()).isEqualTo(RequestStatus.CANCELLED);
    awaitCompleted(r.instance());
    assertThat(projection.completedElements(r.instance()))
        .contains("cancelRequested", "closeCancelled", "notifyCancelled", "requestCancelled")
        .doesNotContain("sourceFromPartner", "convertCost", "placeOverseasOrder");
    assertThat(userTasks.open()).noneMatch(t -> t.key() == sourcing.key());
    assertThat(requests.get(r.requestId()).status()).isEqualTo(RequestStatus.CANCELLED);
    assertThat(requests.history(r.requestId()).stream().map(StatusChange::status))
        .containsOnlyOnce(RequestStatus.CANCELLED);
    awaitMail(r.patron().email(), "has been cancelled");
    assertThat(charges.forRequest(r.requestId())).isEmpty();
  }

  @Test
  void aPatronCancelsWhileTheChargeAwaitsTheirAnswerAndTheOfferIsClosed() {
    Placed r = place("POSTGRADUATE", "BOOK", "PERSONAL");
    source(r, quote("oclc", 100, "USD", "PHYSICAL")); // HK$780, the patron pays
    long approval = awaitChild(r.instance(), "cost-approval");
    awaitStatus(r.requestId(), RequestStatus.AWAITING_PATRON);
    awaitActive(approval, "awaitChargeAnswer");
    assertThat(charges.openOffer(r.requestId())).isPresent();

    Cancel result = orders.cancel(r.requestId(), "patron " + r.patron().id());

    assertThat(result).isInstanceOf(Cancel.Done.class);
    awaitCompleted(r.instance());
    assertThat(projection.terminated(approval)).isTrue();
    assertThat(projection.completedElements(r.instance()))
        .contains("cancelRequested", "requestCancelled");
    assertThat(charges.openOffer(r.requestId())).isEmpty();
    assertThat(charges.forRequest(r.requestId()))
        .singleElement()
        .satisfies(c -> assertThat(c.status()).isEqualTo(Charges.Status.DECLINED));
    assertThat(requests.get(r.requestId()).status()).isEqualTo(RequestStatus.CANCELLED);
    awaitMail(r.patron().email(), "has been cancelled");
    assertThat(body(mailTo(r.patron().email(), "has been cancelled").get(0)))
        .contains("before the", "withdrawn");
  }

  @Test
  void aChargeAlreadyAcceptedIsWithdrawnWhenThePatronCancelsBeforeTheOrder() {
    Placed r = place("POSTGRADUATE", "BOOK", "PERSONAL");
    source(r, quote("oclc", 100, "USD", "PHYSICAL"));
    long approval = awaitChild(r.instance(), "cost-approval");
    awaitActive(approval, "awaitChargeAnswer");
    publish("charge-answer", r.requestId(), Map.of("chargeAccepted", true));
    OpenTask order = awaitTask(r.instance(), "placeOverseasOrder");
    assertThat(charges.forRequest(r.requestId()))
        .singleElement()
        .satisfies(c -> assertThat(c.status()).isEqualTo(Charges.Status.ACCEPTED));

    assertThat(orders.cancel(r.requestId(), "patron " + r.patron().id()))
        .isInstanceOf(Cancel.Done.class);

    awaitCompleted(r.instance());
    assertThat(userTasks.open()).noneMatch(t -> t.key() == order.key());
    assertThat(charges.forRequest(r.requestId()))
        .singleElement()
        .satisfies(c -> assertThat(c.status()).isEqualTo(Charges.Status.WITHDRAWN));
    assertThat(requests.get(r.requestId()).status()).isEqualTo(RequestStatus.CANCELLED);
  }

  @Test
  void aCancelIsRefusedOnceTheOrderIsPlaced() {
    Placed r = place("ACADEMIC", "BOOK", "TEACHING_RESEARCH");
    source(r, quote("oclc", 50, "USD", "PHYSICAL")); // HK$390, within the budget
    OpenTask order = awaitTask(r.instance(), "placeOverseasOrder");
    userTasks.complete(order.key(), Map.of("orderReference", "WS-777"));
    awaitStatus(r.requestId(), RequestStatus.ORDERED);
    awaitActive(r.instance(), "awaitArrival");

    Cancel result = orders.cancel(r.requestId(), "patron " + r.patron().id());

    assertThat(result).isInstanceOf(Cancel.Refused.class);
    assertThat(((Cancel.Refused) result).reason())
        .contains(r.requestId(), "already placed the order", "ORDERED", "charges may apply");
    assertThat(requests.get(r.requestId()).status()).isEqualTo(RequestStatus.ORDERED);
    assertThat(projection.completed(r.instance())).isFalse();
    assertThat(projection.completedElements(r.instance())).doesNotContain("closeCancelled");
    assertThat(requests.history(r.requestId()))
        .filteredOn(c -> c.status() == RequestStatus.ORDERED)
        .singleElement()
        .satisfies(c -> assertThat(c.note()).contains("oclc", "WS-777"));
    assertThat(overseas.find(r.requestId()).orElseThrow())
        .containsEntry("order_reference", "WS-777");
  }

  @Test
  void whenTheCancelWinsTheRaceThePlacedOrderIsNotRecorded() {
    Placed r = place("ACADEMIC", "BOOK", "TEACHING_RESEARCH");
    source(r, quote("oclc", 50, "USD", "PHYSICAL"));
    OpenTask order = awaitTask(r.instance(), "placeOverseasOrder");
    // the patron's cancel has moved the status, but its message has not reached the process yet
    assertThat(
            requests.transition(
                r.requestId(),
                RequestStatus.REQUESTED,
                RequestStatus.CANCELLED,
                "patron",
                "cancelled"))
        .isTrue();

    userTasks.complete(order.key(), Map.of("orderReference", "WS-778"));

    awaitCompleted(r.instance());
    assertThat(projection.completedElements(r.instance()))
        .contains("cancelledBeforeOrder", "closeCancelled", "requestCancelled")
        .doesNotContain("orderRecorded", "notifyOrdered");
    assertThat(requests.get(r.requestId()).status()).isEqualTo(RequestStatus.CANCELLED);
    assertThat(requests.history(r.requestId()).stream().map(StatusChange::status))
        .doesNotContain(RequestStatus.ORDERED);
    assertThat(overseas.find(r.requestId()).orElseThrow().get("order_reference")).isNull();
    awaitMail(r.patron().email(), "has been cancelled");
  }
}

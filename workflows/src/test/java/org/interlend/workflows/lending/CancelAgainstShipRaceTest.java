package org.interlend.workflows.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.interlend.lending.PhysicalRequests;
import org.interlend.requests.Request;
import org.interlend.requests.RequestStatus;
import org.interlend.requests.Requests;
import org.interlend.workflows.ProcessTest;
import org.interlend.workflows.engine.UserTasks;
import org.interlend.workflows.engine.UserTasks.OpenTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A patron cancels at the very moment the lender answers "shipped", fifty times: every time exactly
 * one side wins and the rest of the system agrees with it. Ship won: the cancel is refused with the
 * reason and the borrowing library gets "Receive item". Cancel won: the request is CANCELLED, no
 * "Receive item" appears, and if the lender's answer got through it is told to put the copy back.
 */
class CancelAgainstShipRaceTest extends ProcessTest {

  static final int TRIALS = 50;

  @Autowired JdbcTemplate jdbc;
  @Autowired Requests requests;
  @Autowired PhysicalRequests physical;
  @Autowired GreenMail mail;

  record Trial(Request request, OpenTask pull) {}

  record Race(PhysicalRequests.Cancel cancel, boolean shipAccepted) {}

  @Test
  void cancelAgainstShipIsDecidedOnceFiftyTimesOver() throws Exception {
    var data = new PhysicalFixtures(jdbc, requests, mail);
    List<Trial> trials = new ArrayList<>();
    for (int i = 0; i < TRIALS; i++) {
      String patron = data.patron("UNDERGRADUATE");
      Request r = physical.place(patron, data.titleAt("hku"));
      trials.add(new Trial(r, null));
    }
    List<Trial> ready = new ArrayList<>();
    for (Trial t : trials) {
      ready.add(
          new Trial(t.request(), awaitTask(t.request().processInstanceKey(), "hkallPullAndShip")));
    }

    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Race>> races = new ArrayList<>();
    try {
      for (int i = 0; i < TRIALS; i++) {
        Trial t = ready.get(i);
        // the patron's click lands anywhere from together with the lender's to a moment after it,
        // so that either side wins some of the races
        long cancelDelayMillis = i % 2 == 0 ? 0 : (i * 37L) % 400;
        CountDownLatch go = new CountDownLatch(1);
        Future<PhysicalRequests.Cancel> cancel =
            pool.submit(
                () -> {
                  go.await();
                  Thread.sleep(cancelDelayMillis);
                  return physical.cancel(t.request().id(), "patron " + t.request().patronId());
                });
        Future<Boolean> ship =
            pool.submit(
                () -> {
                  go.await();
                  try {
                    userTasks.complete(
                        t.pull().key(), Map.of("pullOutcome", "SHIPPED", "pullNote", "race"));
                    return true;
                  } catch (UserTasks.TaskNotOpenException e) {
                    return false; // the cancel closed the task first: the lender is told so
                  }
                });
        go.countDown();
        races.add(pool.submit(() -> new Race(cancel.get(), ship.get())));
      }
      List<String> wrong = new ArrayList<>();
      int cancelWon = 0;
      for (int i = 0; i < TRIALS; i++) {
        Trial t = ready.get(i);
        Race race = races.get(i).get();
        String id = t.request().id();
        long instance = t.request().processInstanceKey();
        if (race.cancel() instanceof PhysicalRequests.Cancel.Done) {
          cancelWon++;
          awaitCompleted(instance);
          if (requests.get(id).status() != RequestStatus.CANCELLED) {
            wrong.add(id + ": cancel won but the request is " + requests.get(id).status());
          }
          if (projection.completedElements(instance).contains("hkallReceiveItem")
              || projection.active(instance, "hkallReceiveItem")) {
            wrong.add(id + ": cancel won but the borrowing library was asked to receive the item");
          }
          boolean toldToPutBack =
              projection.completedElements(instance).contains("tellLenderPutBack");
          if (race.shipAccepted() && !toldToPutBack && shipReachedProcess(instance)) {
            wrong.add(
                id
                    + ": the lender's shipment was accepted but it was not told to put the copy back");
          }
        } else {
          Optional<OpenTask> receive = awaitReceive(instance);
          if (!race.shipAccepted()) {
            wrong.add(
                id + ": the cancel was refused although the lender's answer did not get through");
          }
          if (receive.isEmpty() || requests.get(id).status() != RequestStatus.TRANSFERRED) {
            wrong.add(
                id
                    + ": ship won but the request is "
                    + requests.get(id).status()
                    + (receive.isEmpty() ? " with no Receive item task" : ""));
          }
          if (!((PhysicalRequests.Cancel.Refused) race.cancel())
              .reason()
              .contains("already shipped")) {
            wrong.add(id + ": the patron was not told why the cancel was refused");
          }
        }
      }
      assertThat(wrong).isEmpty();
      System.out.printf("cancel against ship: the cancel won %d of %d races%n", cancelWon, TRIALS);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Whether the lender's completed task reached the process before the cancel closed the rota. */
  private boolean shipReachedProcess(long instance) {
    return "SHIPPED".equals(projection.variables(instance).get("pullOutcome"));
  }

  private Optional<OpenTask> awaitReceive(long instance) {
    return await()
        .pollInSameThread()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                userTasks.open().stream()
                    .filter(
                        t ->
                            t.processInstanceKey() == instance
                                && t.elementId().equals("hkallReceiveItem"))
                    .findFirst(),
            Optional::isPresent);
  }
}

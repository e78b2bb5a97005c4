package org.interlend.app.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.interlend.InterlendApplication;
import org.interlend.app.portal.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The desk reads the engine's projection, never its log: parallel loads while it works are safe.
 */
@SpringBootTest(
    classes = InterlendApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DeskUnderLoadTest {

  @LocalServerPort int port;
  @Autowired CamundaClient client;

  @Test
  void fiftyParallelDeskLoadsWhileTheEngineIsBusyAllSucceed() throws Exception {
    WebSession staff = new WebSession(port).signIn("staff-cityu");
    ExecutorService pool = Executors.newFixedThreadPool(26);
    try {
      CountDownLatch go = new CountDownLatch(1);
      // keep the engine writing: smoke instances (a worker round trip, then a user task)
      Future<?> busy =
          pool.submit(
              () -> {
                go.await();
                for (int i = 0; i < 60; i++) {
                  client
                      .newCreateInstanceCommand()
                      .bpmnProcessId("smoke")
                      .latestVersion()
                      .variables(Map.of("recipient", "load@cityu.example"))
                      .send()
                      .join();
                }
                return null;
              });
      List<Future<Integer>> loads = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        loads.add(
            pool.submit(
                () -> {
                  go.await();
                  HttpResponse<String> page = staff.get("/desk");
                  return page.statusCode();
                }));
      }
      go.countDown();
      busy.get(60, TimeUnit.SECONDS);
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> load : loads) {
        statuses.add(load.get(60, TimeUnit.SECONDS));
      }
      assertThat(statuses).hasSize(50).containsOnly(200);
    } finally {
      pool.shutdownNow();
    }
  }
}

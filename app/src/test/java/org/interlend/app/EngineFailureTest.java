package org.interlend.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.interlend.InterlendApplication;
import org.interlend.app.portal.WebSession;
import org.interlend.workflows.engine.EmbeddedEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * When the in-memory engine's processing stops, health says so and new work is refused at once with
 * a clear 503, not a 500 after a timeout. Its own app context: the engine does not come back.
 */
@SpringBootTest(
    classes = InterlendApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "interlend.test.context=engine-failure")
@ActiveProfiles("test")
@DirtiesContext
class EngineFailureTest {

  @LocalServerPort int port;
  @Autowired EmbeddedEngine engine;

  final ObjectMapper json = new ObjectMapper();

  @Test
  void aStoppedEngineIsDownInHealthAndNewRequestsGet503WithTheReason() throws Exception {
    WebSession anonymous = new WebSession(port);
    assertThat(json.readTree(anonymous.get("/actuator/health").body()).path("status").asText())
        .isEqualTo("UP");

    engine.haltProcessing();

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> anonymous.get("/actuator/health").statusCode() == 503);
    JsonNode health =
        json.readTree(new WebSession(port).signIn("admin").get("/actuator/health").body());
    assertThat(health.path("status").asText()).isEqualTo("DOWN");
    assertThat(health.path("components").path("engine").path("status").asText()).isEqualTo("DOWN");

    long started = System.nanoTime();
    HttpResponse<String> api =
        anonymous.api("POST", "/api/physical-requests", "P1001", "{\"bibId\": 1}");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    assertThat(api.statusCode()).isEqualTo(503);
    assertThat(api.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(json.readTree(api.body()).path("detail").asText())
        .startsWith("The workflow engine is not running");

    WebSession patron = new WebSession(port).signIn("P1001");
    patron.page("/portal/requests");
    HttpResponse<String> page = patron.post("/portal/titles/1/request", Map.of());
    assertThat(page.statusCode()).isEqualTo(503);
    assertThat(page.body())
        .contains("The workflow engine is not running")
        .contains("Nothing was changed");

    // reading still works
    assertThat(patron.get("/portal/requests").statusCode()).isEqualTo(200);
  }
}

package org.interlend.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.interlend.InterlendApplication;
import org.interlend.app.portal.TestScans;
import org.interlend.requests.RequestStatus;
import org.interlend.requests.Requests;
import org.interlend.storage.DocumentStore;
import org.interlend.workflows.engine.UserTasks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The digital copy API over HTTP, against the app on its embedded defaults. */
@SpringBootTest(
    classes = InterlendApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DigitalRequestApiTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration WAIT = Duration.ofSeconds(30);

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired DocumentStore store;
  @Autowired UserTasks userTasks;
  @Autowired Requests requests;
  @Autowired org.interlend.copying.DigitalDeliveries deliveries;

  final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  String patron() {
    String id = "PD" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    jdbc.update(
        "insert into patron (id, name, email, category, home_library) values (?, ?, ?, 'ACADEMIC', 'cityu')",
        id,
        "Api Test",
        id.toLowerCase() + "@test.example");
    return id;
  }

  String book() {
    String isbn =
        "979" + String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
    long bib =
        jdbc.queryForObject(
            "insert into bib (title, isbn) values ('Api Book', ?) returning id", Long.class, isbn);
    jdbc.update(
        "insert into item (bib_id, library_code, barcode, format, collection, status)"
            + " values (?, 'hku', ?, 'BOOK', 'GENERAL', 'AVAILABLE')",
        bib,
        "API" + isbn);
    return isbn;
  }

  static String chapterBody(String isbn, boolean declared) {
    return """
        {"kind": "CHAPTER", "title": "Api Book", "isbn": "%s", "chapter": "2",
         "pageStart": 11, "pageEnd": 13, "totalPages": 200,
         "declaration": {"researchOrPrivateStudy": true, "notSuppliedBefore": true,
                         "notRelatedToOtherPerson": %s, "noRedistribution": true}}
        """
        .formatted(isbn, declared);
  }

  int requestsOf(String patronId) {
    return jdbc.queryForObject(
        "select count(*) from request where patron_id = ?", Integer.class, patronId);
  }

  @Test
  void anIncompleteDeclarationOrRequestIsRefusedAndCreatesNothing() throws Exception {
    String patron = patron();
    HttpResponse<String> undeclared =
        post(patron, "/api/digital-requests", chapterBody(book(), false));
    assertThat(undeclared.statusCode()).isEqualTo(400);
    assertThat(undeclared.headers().firstValue("Content-Type").orElse(""))
        .contains("application/problem+json");
    assertThat(undeclared.body())
        .contains("declaration.notRelatedToOtherPerson")
        .contains("not related to another person");

    HttpResponse<String> noRange =
        post(
            patron,
            "/api/digital-requests",
            chapterBody(book(), true).replace("\"pageStart\": 11, ", ""));
    assertThat(noRange.statusCode()).isEqualTo(400);
    assertThat(noRange.body()).contains("pageStart and pageEnd are required");

    HttpResponse<String> noDeclaration =
        post(
            patron,
            "/api/digital-requests",
            "{\"kind\": \"ARTICLE\", \"title\": \"J\", \"articleTitle\": \"A\", \"issue\": \"1\", \"pageStart\": 1, \"pageEnd\": 2}");
    assertThat(noDeclaration.statusCode()).isEqualTo(400);
    assertThat(noDeclaration.body()).contains("\"field\":\"declaration\"");

    // strict JSON, as on every API: an unknown field, and "true" where true belongs
    HttpResponse<String> unknown =
        post(
            patron,
            "/api/digital-requests",
            chapterBody(book(), true)
                .replace("\"chapter\": \"2\",", "\"chapter\": \"2\", \"priority\": \"urgent\","));
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body())
        .contains("\"field\":\"priority\"")
        .contains("is not a field of this request");
    HttpResponse<String> quoted =
        post(
            patron,
            "/api/digital-requests",
            chapterBody(book(), true)
                .replace("\"noRedistribution\": true", "\"noRedistribution\": \"true\""));
    assertThat(quoted.statusCode()).isEqualTo(400);
    assertThat(quoted.body())
        .contains("\"field\":\"declaration.noRedistribution\"")
        .contains("true or false");
    HttpResponse<String> quotedNumber =
        post(
            patron,
            "/api/digital-requests",
            chapterBody(book(), true).replace("\"pageStart\": 11", "\"pageStart\": \"11\""));
    assertThat(quotedNumber.statusCode()).isEqualTo(400);
    assertThat(quotedNumber.body()).contains("\"field\":\"pageStart\"");

    assertThat(requestsOf(patron)).isZero();
  }

  @Test
  void aRequestCanBeCancelledUntilItIsSupplied() throws Exception {
    String patron = patron();
    HttpResponse<String> placed = post(patron, "/api/digital-requests", chapterBody(book(), true));
    assertThat(placed.statusCode()).isEqualTo(201);
    String id = JSON.readTree(placed.body()).path("id").asText();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from copy_declaration where request_id = ?", Integer.class, id))
        .isEqualTo(1);
    awaitTask(id);

    assertThat(get("staff-hku", "/api/digital-requests/" + id).statusCode()).isEqualTo(200);
    assertThat(get(patron(), "/api/digital-requests/" + id).statusCode())
        .as("another patron")
        .isEqualTo(404);

    HttpResponse<String> cancelled = post(patron, "/api/digital-requests/" + id + "/cancel", "");
    assertThat(cancelled.statusCode()).isEqualTo(202);
    await().atMost(WAIT).until(() -> requests.get(id).status() == RequestStatus.CANCELLED);

    HttpResponse<String> again = post(patron, "/api/digital-requests/" + id + "/cancel", "");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("CANCELLED");
    assertThat(get(patron, "/api/requests/" + id + "/download").statusCode()).isEqualTo(409);
  }

  @Test
  void twentyParallelDownloadsOfADeliveredCopyGiveExactlyFiveShortLivedLinks() throws Exception {
    String patron = patron();
    HttpResponse<String> placed = post(patron, "/api/digital-requests", chapterBody(book(), true));
    String id = JSON.readTree(placed.body()).path("id").asText();
    var task = awaitTask(id);
    byte[] scan = TestScans.blankPages(3);
    String key = "uploads/api-test/" + UUID.randomUUID() + "/scan.pdf";
    store.put(key, new ByteArrayInputStream(scan), scan.length, "application/pdf", Map.of());
    userTasks.complete(task.key(), Map.of("scanOutcome", "supplied", "scanFiles", List.of(key)));
    await().atMost(WAIT).until(() -> requests.get(id).status() == RequestStatus.DELIVERED);

    JsonNode view = JSON.readTree(get(patron, "/api/digital-requests/" + id).body());
    assertThat(view.path("downloadsLeft").asInt()).isEqualTo(5);
    assertThat(view.path("downloadUrl").asText()).isEqualTo("/api/requests/" + id + "/download");
    assertThat(get(patron(), "/api/requests/" + id + "/download").statusCode())
        .as("another patron")
        .isEqualTo(404);

    ExecutorService pool = Executors.newFixedThreadPool(20);
    List<Future<HttpResponse<byte[]>>> attempts = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        Callable<HttpResponse<byte[]>> attempt =
            () -> getBytes(patron, "/api/requests/" + id + "/download");
        attempts.add(pool.submit(attempt));
      }
      List<HttpResponse<byte[]>> answers = new ArrayList<>();
      for (Future<HttpResponse<byte[]>> f : attempts) {
        answers.add(f.get());
      }
      List<HttpResponse<byte[]>> granted =
          answers.stream().filter(r -> r.statusCode() == 200).toList();
      List<HttpResponse<byte[]>> refused =
          answers.stream().filter(r -> r.statusCode() == 410).toList();
      assertThat(granted).hasSize(5);
      assertThat(refused).hasSize(15);
      assertThat(new String(refused.get(0).body(), StandardCharsets.UTF_8))
          .contains("downloaded this copy 5 times");
      assertThat(deliveries.get(id).downloads()).isEqualTo(5);

      // the copy itself comes through the app: no link to the store, nothing to reuse
      HttpResponse<byte[]> first = granted.get(0);
      assertThat(first.headers().firstValue("Location")).isEmpty();
      assertThat(first.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
      assertThat(first.headers().firstValue("Content-Type")).hasValue("application/pdf");
      assertThat(first.headers().firstValue("Content-Disposition"))
          .hasValue("attachment; filename=\"" + id + ".pdf\"");
      try (PDDocument copy = Loader.loadPDF(first.body())) {
        assertThat(copy.getNumberOfPages()).isEqualTo(4); // cover + 3 pages
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(get(patron, "/api/requests/" + id + "/download").statusCode()).isEqualTo(410);
    assertThat(post(patron, "/api/digital-requests/" + id + "/cancel", "").statusCode())
        .isEqualTo(409);
  }

  UserTasks.OpenTask awaitTask(String requestId) {
    long instance = requests.get(requestId).processInstanceKey();
    return await()
        .atMost(WAIT)
        .until(
            () ->
                userTasks.open().stream()
                    .filter(
                        t ->
                            t.processInstanceKey() == instance
                                && t.elementId().equals("scanAndUpload"))
                    .findFirst(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  String auth(String user) {
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  HttpResponse<String> get(String user, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", auth(user))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<byte[]> getBytes(String user, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", auth(user))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<String> post(String user, String path, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", auth(user))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}

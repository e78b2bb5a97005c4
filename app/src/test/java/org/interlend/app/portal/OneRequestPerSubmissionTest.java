package org.interlend.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interlend.InterlendApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * One request per submission: a form posted many times at once with its idempotency key (and its
 * CSRF token), or an API call sent many times with one Idempotency-Key, places one request and
 * holds one quota slot.
 */
@SpringBootTest(
    classes = InterlendApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OneRequestPerSubmissionTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  long availableTitle() {
    long bib =
        jdbc.queryForObject(
            "insert into bib (title, author) values (?, 'Test') returning id",
            Long.class,
            "Submitted once " + Long.toString(System.nanoTime(), 36));
    jdbc.update(
        "insert into item (bib_id, library_code, barcode, format, collection, status)"
            + " values (?, 'hku', ?, 'BOOK', 'GENERAL', 'AVAILABLE')",
        bib,
        "ONCE" + bib);
    return bib;
  }

  int requestsOf(String patron) {
    return jdbc.queryForObject(
        "select count(*) from request where patron_id = ?", Integer.class, patron);
  }

  @Test
  void twentyConcurrentPostsOfOnePortalFormPlaceOneRequest() throws Exception {
    String patron = TestPatrons.create(jdbc, "UNDERGRADUATE");
    WebSession web = new WebSession(port).signIn(patron);
    long bib = availableTitle();
    String title = jdbc.queryForObject("select title from bib where id = ?", String.class, bib);
    String page =
        web.page(
            "/portal/search?q="
                + java.net.URLEncoder.encode(title, java.nio.charset.StandardCharsets.UTF_8));
    int form = page.indexOf("/portal/titles/" + bib + "/request");
    assertThat(form).as("the title can be requested: " + page).isPositive();
    Matcher key = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"").matcher(page);
    assertThat(key.find(form)).as("the request form carries its key").isTrue();

    List<HttpResponse<String>> answers =
        concurrently(
            20,
            () ->
                web.post(
                    "/portal/titles/" + bib + "/request", Map.of("idempotencyKey", key.group(1))));

    assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(302);
    assertThat(answers.stream().map(a -> a.headers().firstValue("Location").orElse("")).distinct())
        .hasSize(1);
    assertThat(requestsOf(patron)).isEqualTo(1);
  }

  @Test
  void twentyConcurrentApiCallsWithOneIdempotencyKeyPlaceOneRequest() throws Exception {
    String patron = TestPatrons.create(jdbc, "UNDERGRADUATE");
    long bib = availableTitle();
    String idempotencyKey = UUID.randomUUID().toString();
    WebSession client = new WebSession(port);

    List<HttpResponse<String>> answers =
        concurrently(
            20,
            () ->
                client.apiWithHeader(
                    "POST",
                    "/api/physical-requests",
                    patron,
                    "{\"bibId\": " + bib + "}",
                    "Idempotency-Key",
                    idempotencyKey));

    assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(201, 200);
    assertThat(answers.stream().filter(a -> a.statusCode() == 201)).hasSize(1);
    assertThat(answers.stream().filter(a -> a.statusCode() == 200))
        .allMatch(a -> a.headers().firstValue("Idempotent-Replayed").orElse("").equals("true"));
    assertThat(answers.stream().map(a -> a.headers().firstValue("Location").orElse("")).distinct())
        .hasSize(1);
    assertThat(requestsOf(patron)).isEqualTo(1);

    // the key is the caller's: another patron's call with it is refused and places nothing
    String other = TestPatrons.create(jdbc, "UNDERGRADUATE");
    HttpResponse<String> stolen =
        client.apiWithHeader(
            "POST",
            "/api/physical-requests",
            other,
            "{\"bibId\": " + bib + "}",
            "Idempotency-Key",
            idempotencyKey);
    assertThat(stolen.statusCode()).isEqualTo(400);
    assertThat(requestsOf(other)).isZero();
  }

  static <T> List<T> concurrently(int n, Callable<T> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  return call.call();
                }));
      }
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}

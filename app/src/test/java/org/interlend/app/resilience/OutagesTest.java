package org.interlend.app.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.camunda.client.CamundaClient;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.interlend.app.portal.TestPatrons;
import org.interlend.app.portal.TestScans;
import org.interlend.app.portal.WebSession;
import org.interlend.copying.DigitalDeliveries;
import org.interlend.requests.Request;
import org.interlend.requests.RequestStatus;
import org.interlend.requests.Requests;
import org.interlend.storage.DocumentStore;
import org.interlend.storage.EmbeddedS3;
import org.interlend.workflows.engine.EmbeddedEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The outages of issue 10, one after another on one running system, with requests flowing through
 * them: the object store down for 60 s during deliveries and downloads, the database down for 30 s,
 * the mail server down for 2 minutes and then hung (accepting connections, never answering) for 90
 * s while notices are due. After each recovery every request in flight completes, with no incident;
 * no mail is sent twice; a download whose bytes could not be served is not counted; and while the
 * mail server hangs, other requests keep moving.
 *
 * <p>The outages are real time; after each, the engine's clock is moved on so that the job retries
 * (which back off for minutes) fall due without the test waiting for them. The outbox's longest
 * wait is cut to 10 s ({@code interlend.mail.retry-max}) for the same reason.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"interlend.test.context=outages", "interlend.mail.retry-max=10s"})
@ActiveProfiles("test")
class OutagesTest {

  static final int S3_PORT = freePort();
  static final int MAIL_PORT = freePort();
  static final int DB_PORT = freePort();
  static final Duration WAIT = Duration.ofSeconds(90);

  @DynamicPropertySource
  static void fixedPorts(DynamicPropertyRegistry registry) {
    // fixed ports, so that each part comes back where the app expects it
    registry.add("interlend.storage.embedded-port", () -> S3_PORT);
    registry.add("interlend.mail.embedded-port", () -> MAIL_PORT);
    registry.add("interlend.db.embedded-port", () -> DB_PORT);
  }

  @LocalServerPort int port;
  @Autowired EmbeddedS3 s3;
  @Autowired GreenMail greenMail;
  @Autowired EmbeddedEngine engine;
  @Autowired CamundaClient client;
  @Autowired JdbcTemplate jdbc;
  @Autowired Requests requests;
  @Autowired DigitalDeliveries deliveries;
  @Autowired DocumentStore store;

  @Test
  void requestsInFlightCompleteAfterOutagesOfTheObjectStoreTheDatabaseAndTheMailServer()
      throws Exception {
    String patron = TestPatrons.create(jdbc, "ACADEMIC");
    String delivered = deliver(patron);
    awaitDelivered(List.of(delivered));
    int downloadsBefore = deliveries.get(delivered).downloads();

    // -- the object store and the mail server go down, deliveries in flight
    List<String> first = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      first.add(deliver(patron));
    }
    int mailPort = greenMail.getSmtp().getServerSetup().getPort();
    long mailDown = System.nanoTime();
    greenMail.stop();
    s3.close();
    long s3Down = System.nanoTime();
    HttpResponse<byte[]> failed = download(delivered, patron);
    assertThat(failed.statusCode()).as("a download while the store is down").isEqualTo(503);
    assertThat(deliveries.get(delivered).downloads())
        .as("a download that failed is not counted")
        .isEqualTo(downloadsBefore);
    sleepUntil(s3Down, Duration.ofSeconds(60));
    s3.start();
    engine.increaseTime(Duration.ofMinutes(10)); // the job retries' back-off passes
    awaitDelivered(first);
    HttpResponse<byte[]> served = download(delivered, patron);
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(deliveries.get(delivered).downloads()).isEqualTo(downloadsBefore + 1);

    // -- the database goes down for 30 s, deliveries in flight
    List<String> second = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      second.add(deliver(patron));
    }
    Postgres postgres = Postgres.onPort(DB_PORT);
    postgres.stop();
    long dbDown = System.nanoTime();
    HttpResponse<byte[]> duringDbOutage = download(delivered, patron);
    assertThat(duringDbOutage.statusCode())
        .as("signing in while the database is down")
        .isEqualTo(503);
    sleepUntil(dbDown, Duration.ofSeconds(30));
    postgres.start();
    engine.increaseTime(Duration.ofMinutes(10));
    awaitDelivered(second);

    // -- the mail server, down for 2 minutes, now hangs for 90 s: other requests keep moving
    sleepUntil(mailDown, Duration.ofMinutes(2));
    try (HungServer hung = new HungServer(mailPort)) {
      long hangs = System.nanoTime();
      List<String> third = List.of(deliver(patron), deliver(patron));
      engine.increaseTime(Duration.ofMinutes(10));
      awaitDelivered(third);
      assertThat(System.nanoTime() - hangs)
          .as("delivered while the mail server hangs")
          .isLessThan(Duration.ofSeconds(90).toNanos());
      sleepUntil(hangs, Duration.ofSeconds(90));
      assertThat(hung.connections())
          .as(
              "the outbox tried the hung server; notices: %s",
              jdbc.queryForList(
                  "select id, status, attempts, next_attempt_at, claimed_until, last_error, now() as now from notice"))
          .isPositive();
    }
    greenMail.start();

    // every notice goes out once the mail server is back, each once
    await()
        .atMost(WAIT)
        .until(
            () ->
                jdbc.queryForObject(
                        "select count(*) from notice where status <> 'SENT'", Integer.class)
                    == 0);
    Set<String> seen = new HashSet<>();
    List<String> twice = new ArrayList<>();
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      String mail =
          String.join(
              "|",
              List.of(
                  m.getAllRecipients()[0].toString(),
                  m.getSubject(),
                  String.valueOf(m.getContent())));
      if (!seen.add(mail)) {
        twice.add(m.getSubject());
      }
    }
    assertThat(twice).as("mails sent twice").isEmpty();
    int noticesForPatron =
        jdbc.queryForObject(
            "select count(*) from notice where recipient = ?",
            Integer.class,
            patron.toLowerCase() + "@test.example");
    assertThat(noticesForPatron).as("a delivery notice per copy").isEqualTo(1 + 4 + 3 + 2);

    assertThat(engine.projection().incidents()).as("incidents").isEmpty();
    assertThat(engine.failure()).isEmpty();
  }

  /** A request whose supplier's scan is in the store, its delivery process started. */
  private String deliver(String patron) throws Exception {
    Request request = requests.create("DIGITAL", patron, "Outage test chapter");
    byte[] scan = TestScans.blankPages(3);
    String key = "uploads/outages/" + UUID.randomUUID() + "/scan.pdf";
    store.put(key, new ByteArrayInputStream(scan), scan.length, "application/pdf", Map.of());
    client
        .newCreateInstanceCommand()
        .bpmnProcessId("digital-delivery")
        .latestVersion()
        .variables(
            Map.of(
                "requestId",
                request.id(),
                "patronId",
                patron,
                "uploadKeys",
                List.of(key),
                "expectedPages",
                3))
        .send()
        .join();
    return request.id();
  }

  private void awaitDelivered(List<String> ids) {
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () ->
                assertThat(ids)
                    .allSatisfy(
                        id ->
                            assertThat(requests.get(id).status())
                                .as(id)
                                .isEqualTo(RequestStatus.DELIVERED)));
  }

  private HttpResponse<byte[]> download(String id, String patron) throws Exception {
    return new WebSession(port).getBytesAs("/api/requests/" + id + "/download", patron);
  }

  private static void sleepUntil(long since, Duration duration) throws InterruptedException {
    long left = since + duration.toNanos() - System.nanoTime();
    if (left > 0) {
      Thread.sleep(Duration.ofNanos(left));
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The embedded PostgreSQL server on a port, stopped as an administrator would (SIGINT: a fast
   * shutdown) and started again with the same command line. pg_ctl refuses to run as root, which
   * the embedded server here may be.
   */
  static final class Postgres {
    private final int port;
    private ProcessHandle server;
    private final List<String> command;

    private Postgres(int port, ProcessHandle server) {
      this.port = port;
      this.server = server;
      this.command = new ArrayList<>();
      command.add(server.info().command().orElseThrow());
      command.addAll(List.of(server.info().arguments().orElseThrow()));
    }

    static Postgres onPort(int port) {
      return new Postgres(
          port,
          ProcessHandle.allProcesses()
              .filter(p -> p.info().command().orElse("").endsWith("/bin/postgres"))
              .filter(
                  p ->
                      List.of(p.info().arguments().orElse(new String[0]))
                          .contains(String.valueOf(port)))
              .findFirst()
              .orElseThrow(
                  () -> new IllegalStateException("no PostgreSQL server on port " + port)));
    }

    void stop() throws Exception {
      signal(server, "INT");
      server.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    void start() throws Exception {
      Path log = java.nio.file.Files.createTempFile("outages-postgres", ".log");
      List<String> asIs = command;
      if (new com.sun.security.auth.module.UnixSystem().getUid() == 0) {
        // PostgreSQL refuses to start as root (the embedded one's own start gets round that): the
        // server comes back as nobody, owning its data directory
        String dataDir = command.get(command.indexOf("-D") + 1);
        run("chown", "-R", "nobody:nogroup", dataDir);
        asIs =
            new ArrayList<>(
                List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
        asIs.addAll(command);
      }
      Process restarted =
          new ProcessBuilder(asIs).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      server = restarted.toHandle();
      ProcessHandle started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> signal(started, "INT")));
      await()
          .atMost(Duration.ofSeconds(30))
          .ignoreExceptions()
          .until(
              () -> {
                try (Socket s = new Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
                  return true;
                }
              });
    }

    private static void run(String... command) throws Exception {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
      }
    }

    private static void signal(ProcessHandle process, String signal) {
      try {
        new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start().waitFor();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** A mail server that accepts connections and never says a word. */
  static final class HungServer implements AutoCloseable {
    private final ServerSocket socket;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    HungServer(int port) throws IOException {
      socket = new ServerSocket(port, 50, java.net.InetAddress.getLoopbackAddress());
      Thread.ofPlatform()
          .daemon()
          .name("hung-smtp")
          .start(
              () -> {
                while (!socket.isClosed()) {
                  try {
                    accepted.add(socket.accept());
                  } catch (IOException e) {
                    return;
                  }
                }
              });
    }

    int connections() {
      return accepted.size();
    }

    @Override
    public void close() throws IOException {
      socket.close();
      for (Socket s : accepted) {
        s.close();
      }
    }
  }
}

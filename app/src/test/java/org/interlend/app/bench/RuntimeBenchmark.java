package org.interlend.app.bench;

import static org.interlend.app.bench.BenchApp.heapAfterGc;
import static org.interlend.app.bench.BenchApp.mb;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobWorker;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.interlend.app.portal.TestScans;
import org.interlend.app.portal.WebSession;
import org.interlend.requests.Requests;
import org.interlend.storage.DocumentStore;
import org.interlend.workflows.engine.EmbeddedEngine;

/**
 * The runtime figures of issue 10, measured in one JVM and one run, each beside its reference:
 *
 * <ol>
 *   <li><b>Throughput</b>: N digital requests (default 1,000) from upload to DELIVERED, each a
 *       10-page scan put in the object store as the desk's upload does and the delivery process
 *       started with it (validation, watermark, publish, record, notice); beside the same engine
 *       running N instances of a process of five no-op service tasks on the same client.
 *   <li><b>Retained heap per finished request</b>: heap after GC once 1,000 and once 5,000 digital
 *       requests have ended (delivered, then expired by moving the engine's clock), against the
 *       heap after GC of the warmed-up, idle app.
 *   <li><b>My Requests</b>: {@code /portal/requests} of a patron with 200 requests, 20 concurrent
 *       clients for 15 s; beside a static file served by the same app to the same clients.
 * </ol>
 *
 * <p>Arguments: {@code [requests=1000] [finished=5000]}; {@code 0} measures My Requests only.
 */
public final class RuntimeBenchmark {

  private final BenchApp app;
  private final CamundaClient client;
  private final EmbeddedEngine engine;
  private final Requests requests;
  private final DocumentStore store;
  private final byte[] scan;
  private int liveAtStart;

  private RuntimeBenchmark(BenchApp app) throws Exception {
    this.app = app;
    this.client = app.bean(CamundaClient.class);
    this.engine = app.context.getBeanProvider(EmbeddedEngine.class).getObject();
    this.requests = app.bean(Requests.class);
    this.store = app.bean(DocumentStore.class);
    this.scan = TestScans.textPages(10);
  }

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int finished = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
    System.out.printf(
        "runtime: %d requests, %d finished, %d cores, -Xmx%d MB%n",
        n,
        finished,
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() / 1024 / 1024);
    try (BenchApp app = BenchApp.start()) {
      new RuntimeBenchmark(app).run(n, finished);
    }
    System.exit(0);
  }

  private void run(int n, int finished) throws Exception {
    if (n == 0) { // ./interlend bench runtime 0: My Requests only
      portal();
      return;
    }
    String patron = app.patron("ACADEMIC");
    liveAtStart = engine.stats().liveInstances(); // the demo data's requests in flight
    System.out.printf("runtime: %d process instances live at the start (demo data)%n", liveAtStart);
    // warm-up: a few hundred of each, then everything ends
    noopInstances(200);
    delivered(patron, 200);
    expireAll();
    long baseline = heapAfterGc();
    System.out.printf("runtime: warmed up; heap after GC %s MB%n", mb(baseline));

    double reference = noopInstances(n);
    double digital = delivered(patron, n);
    System.out.printf(
        "throughput: %d digital requests upload -> DELIVERED in %.1f s (%.1f/s); bare engine, %d instances of"
            + " 5 no-op service tasks: %.1f s (%.1f/s); ratio %.2fx (target < 60 s and <= 3x)%n",
        n, digital, n / digital, n, reference, n / reference, digital / reference);

    expireAll();
    int done = n + 200;
    long heap1000 = heapAfterGc();
    report(done - 200, heap1000, baseline);
    while (done - 200 < finished) {
      int batch = Math.min(1000, finished - (done - 200));
      delivered(patron, batch);
      expireAll();
      done += batch;
    }
    long heapFinished = heapAfterGc();
    report(done - 200, heapFinished, baseline);
    System.out.printf(
        "retained: from %d to %d finished requests: %.1f KB per request (target < 50 KB)%n",
        n, done - 200, (heapFinished - heap1000) / 1024.0 / Math.max(1, done - 200 - n));

    portal();
  }

  private void report(int finished, long heap, long baseline) {
    EmbeddedEngine.Stats s = engine.stats();
    System.out.printf(
        "retained: %d finished requests: heap after GC %s MB (+%s MB over idle, %.1f KB per request);"
            + " engine log %d blocks, %s MB; engine state %d entries; live instances %d%n",
        finished,
        mb(heap),
        mb(heap - baseline),
        (heap - baseline) / 1024.0 / finished,
        s.retainedLogBlocks(),
        mb(s.retainedLogBytes()),
        s.stateEntries(),
        s.liveInstances());
  }

  /** Seconds for {@code count} instances of a process of five no-op service tasks. */
  private double noopInstances(int count) throws Exception {
    StringBuilder tasks = new StringBuilder();
    StringBuilder flows = new StringBuilder();
    String previous = "start";
    for (int i = 1; i <= 5; i++) {
      tasks.append(
          "<bpmn:serviceTask id=\"t%d\"><bpmn:extensionElements><zeebe:taskDefinition type=\"bench-noop-%d\"/></bpmn:extensionElements></bpmn:serviceTask>"
              .formatted(i, i));
      flows.append(
          "<bpmn:sequenceFlow id=\"f%d\" sourceRef=\"%s\" targetRef=\"t%d\"/>"
              .formatted(i, previous, i));
      previous = "t" + i;
    }
    flows.append("<bpmn:sequenceFlow id=\"f6\" sourceRef=\"t5\" targetRef=\"end\"/>");
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="bench-noop" isExecutable="true"><bpmn:startEvent id="start"/>%s<bpmn:endEvent id="end"/>%s</bpmn:process>
        </bpmn:definitions>
        """
            .formatted(tasks, flows);
    client
        .newDeployResourceCommand()
        .addResourceBytes(xml.getBytes(StandardCharsets.UTF_8), "bench-noop.bpmn")
        .send()
        .join();
    List<JobWorker> workers = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      workers.add(
          client
              .newWorker()
              .jobType("bench-noop-" + i)
              .handler((JobClient jobs, ActivatedJob job) -> jobs.newCompleteCommand(job).send())
              .streamEnabled(true)
              .open());
    }
    try {
      Semaphore inFlight = new Semaphore(200);
      List<CompletableFuture<?>> all = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        inFlight.acquire();
        all.add(
            client
                .newCreateInstanceCommand()
                .bpmnProcessId("bench-noop")
                .latestVersion()
                .withResult()
                .requestTimeout(Duration.ofMinutes(5))
                .send()
                .toCompletableFuture()
                .whenComplete((r, e) -> inFlight.release()));
      }
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
      return (System.nanoTime() - start) / 1e9;
    } finally {
      workers.forEach(JobWorker::close);
    }
  }

  /** Seconds from the first upload to the last of {@code count} requests DELIVERED. */
  private double delivered(String patron, int count) throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(requests.create("DIGITAL", patron, "Benchmark chapter " + i).id());
    }
    AtomicInteger uploadErrors = new AtomicInteger();
    AtomicInteger slowStarts = new AtomicInteger();
    long start = System.nanoTime();
    try (ExecutorService uploads = Executors.newFixedThreadPool(4)) {
      for (String id : ids) {
        uploads.submit(
            () -> {
              long began = System.nanoTime();
              try {
                String key = "uploads/bench/" + UUID.randomUUID() + "/scan.pdf";
                store.put(
                    key, new ByteArrayInputStream(scan), scan.length, "application/pdf", Map.of());
                client
                    .newCreateInstanceCommand()
                    .bpmnProcessId("digital-delivery")
                    .latestVersion()
                    .variables(
                        Map.of(
                            "requestId",
                            id,
                            "patronId",
                            patron,
                            "uploadKeys",
                            List.of(key),
                            "expectedPages",
                            10))
                    .requestTimeout(Duration.ofSeconds(60))
                    .send()
                    .join();
                if (System.nanoTime() - began > Duration.ofSeconds(10).toNanos()) {
                  slowStarts.incrementAndGet();
                }
              } catch (RuntimeException e) {
                if (uploadErrors.incrementAndGet() <= 5) {
                  System.out.println("runtime: upload failed: " + e);
                }
              }
            });
      }
    }
    String first = ids.get(0);
    while (app.jdbc()
            .queryForObject(
                "select count(*) from request where id >= ? and patron_id = ? and status = 'DELIVERED'",
                Integer.class,
                first,
                patron)
        < count) {
      Thread.sleep(100);
      if (System.nanoTime() - start > Duration.ofMinutes(20).toNanos()) {
        throw new IllegalStateException("not all delivered after 20 minutes");
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "runtime: %d uploads: %d errors, %d took more than 10 s (the client's default request timeout)%n",
        count, uploadErrors.get(), slowStarts.get());
    return seconds;
  }

  /**
   * Ends every delivery: the download windows close on the engine's clock. Waits until every
   * benchmark request has expired and the engine holds no more live instances than at the start.
   */
  private void expireAll() throws Exception {
    engine.increaseTime(Duration.ofDays(15));
    long start = System.nanoTime();
    long lastReport = start;
    long lastJump = start;
    while (app.jdbc()
                .queryForObject(
                    "select count(*) from request where status = 'DELIVERED' and patron_id like 'BP%'",
                    Integer.class)
            > 0
        || engine.stats().liveInstances() > liveAtStart) {
      Thread.sleep(200);
      if (System.nanoTime() - lastJump > Duration.ofSeconds(20).toNanos()) {
        // a delivery that reached its window's timer only after the jump started its 14 days then
        engine.increaseTime(Duration.ofDays(15));
        lastJump = System.nanoTime();
      }
      if (System.nanoTime() - lastReport > Duration.ofSeconds(60).toNanos()) {
        lastReport = System.nanoTime();
        System.out.printf(
            "runtime: expiring: %s; requests %s%n", engine.stats(), app.requestsByStatus("BP"));
      }
      if (System.nanoTime() - start > Duration.ofMinutes(15).toNanos()) {
        throw new IllegalStateException(
            "deliveries did not expire within 15 minutes: " + engine.stats());
      }
    }
    System.out.printf("runtime: all expired in %.1f s%n", (System.nanoTime() - start) / 1e9);
  }

  private void portal() throws Exception {
    String patron = app.patron("ACADEMIC");
    for (int i = 0; i < 200; i++) {
      requests.create(
          i % 3 == 0 ? "PHYSICAL" : i % 3 == 1 ? "DIGITAL" : "OVERSEAS",
          patron,
          "A requested title no. " + i);
    }
    WebSession session = new WebSession(app.port).signIn(patron);
    String cookie = session.cookie();
    double[] page = load("/portal/requests", cookie);
    double[] css = load("/portal.css", cookie);
    System.out.printf(
        "portal: /portal/requests (200 requests, 20 clients, 15 s): %.0f/s, median %.1f ms, p99 %.1f ms;"
            + " static /portal.css: %.0f/s, median %.1f ms, p99 %.1f ms (target p99 < 200 ms)%n",
        page[0], page[1], page[2], css[0], css[1], css[2]);
  }

  /** Requests per second, median and p99 milliseconds of GET path from 20 clients for 15 s. */
  private double[] load(String path, String cookie) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(app.url(path))).header("Cookie", cookie).GET().build();
    for (int i = 0; i < 50; i++) {
      http.send(request, HttpResponse.BodyHandlers.discarding());
    }
    List<long[]> perClient = new ArrayList<>();
    AtomicInteger failures = new AtomicInteger();
    long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    try (ExecutorService clients = Executors.newFixedThreadPool(20)) {
      List<java.util.concurrent.Future<long[]>> futures = new ArrayList<>();
      for (int c = 0; c < 20; c++) {
        futures.add(
            clients.submit(
                () -> {
                  long[] times = new long[100_000];
                  int k = 0;
                  while (System.nanoTime() < end && k < times.length) {
                    long t = System.nanoTime();
                    HttpResponse<Void> r =
                        http.send(request, HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() != 200) {
                      failures.incrementAndGet();
                    }
                    times[k++] = System.nanoTime() - t;
                  }
                  return Arrays.copyOf(times, k);
                }));
      }
      for (var f : futures) {
        perClient.add(f.get());
      }
    }
    long[] all = perClient.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    if (failures.get() > 0) {
      System.out.println("portal: " + failures.get() + " answers were not 200 for " + path);
    }
    return new double[] {
      all.length / 15.0, all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6
    };
  }
}

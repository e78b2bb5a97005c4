package org.interlend.app.bench;

import static org.interlend.app.bench.BenchApp.heapAfterGc;
import static org.interlend.app.bench.BenchApp.mb;
import static org.interlend.app.bench.BenchApp.rss;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.interlend.app.portal.TestScans;
import org.interlend.app.portal.WebSession;
import org.interlend.workflows.engine.EmbeddedEngine;
import org.interlend.workflows.engine.UserTasks;
import org.interlend.workflows.engine.UserTasks.OpenTask;

/**
 * The soak benchmark of issue 10: Interlend as {@code ./interlend run} starts it (embedded parts,
 * default profile, the launcher's heap when started through {@code ./interlend bench soak}), driven
 * for an hour through all three flows as its users drive it, then left idle.
 *
 * <ul>
 *   <li>Patrons place physical, digital and overseas requests through the REST API (at least two of
 *       each a minute), accept offered charges, download delivered copies.
 *   <li>Staff complete every user task through the desk (the scan uploaded as a file, as the desk's
 *       form does), record overseas arrivals in the console, check loans in at the counter.
 *   <li>Five more staff keep loading the desk, the console and task pages.
 *   <li>The administrator moves the engine's clock a day every few minutes (download windows,
 *       partner due dates), more while draining.
 *   <li>Idle stretches of three minutes every twenty; after the active hour, the flows drain and
 *       the app is left idle (no traffic at all) for the idle minutes.
 * </ul>
 *
 * <p>Every minute it prints heap after GC, RSS, the engine's retained log and live instances, open
 * tasks, errors and requests by status. At the end: heap growth per hour after warm-up (a least
 * squares fit from minute 10), idle growth, errors, stuck requests, incidents, undelivered notices.
 *
 * <p>Arguments: {@code [activeMinutes=60] [idleMinutes=30] [perMinute=2]}.
 */
public final class SoakBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> TERMINAL =
      Set.of("COMPLETED", "EXPIRED", "CANCELLED", "UNFILLED", "REJECTED", "UNCLAIMED", "LOST");

  private final BenchApp app;
  private final UserTasks userTasks;
  private final EmbeddedEngine engine;
  private final byte[] scan;
  private final Map<String, WebSession> staff = new ConcurrentHashMap<>();
  private final Map<String, String> patronOf = new ConcurrentHashMap<>();
  private final Map<String, Integer> downloads = new ConcurrentHashMap<>();
  private final Map<String, Long> onLoanSince = new ConcurrentHashMap<>();
  private final Map<String, Long> orderedSince = new ConcurrentHashMap<>();
  private final AtomicInteger errors = new AtomicInteger();
  private final AtomicInteger deskLoads = new AtomicInteger();
  private final AtomicInteger tasksDone = new AtomicInteger();
  private final Map<String, AtomicInteger> placed = new ConcurrentHashMap<>();
  private final AtomicLong clockDays = new AtomicLong();
  private volatile boolean placing = true;
  private volatile boolean working = true;

  private SoakBenchmark(BenchApp app) throws Exception {
    this.app = app;
    this.userTasks = app.bean(UserTasks.class);
    this.engine = app.context.getBeanProvider(EmbeddedEngine.class).getObject();
    this.scan = TestScans.textPages(10);
  }

  public static void main(String[] args) throws Exception {
    int activeMinutes = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int idleMinutes = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    int perMinute = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    System.out.printf(
        "soak: %d active minutes, %d idle, %d new requests a minute of each kind, -Xmx%s MB%n",
        activeMinutes, idleMinutes, perMinute, Runtime.getRuntime().maxMemory() / 1024 / 1024);
    long started = System.nanoTime();
    try (BenchApp app = BenchApp.start()) {
      System.out.printf(
          "soak: ready in %.1f s on port %d%n", (System.nanoTime() - started) / 1e9, app.port);
      int code = new SoakBenchmark(app).run(activeMinutes, idleMinutes, perMinute);
      System.exit(code);
    }
  }

  private int run(int activeMinutes, int idleMinutes, int perMinute) throws Exception {
    ScheduledExecutorService drivers = Executors.newScheduledThreadPool(4);
    List<Thread> desk = new ArrayList<>();
    String[] deskUsers = {"staff-cityu", "staff-cityu", "staff-cityu", "staff-hku", "staff-hku"};
    for (String user : deskUsers) {
      desk.add(Thread.ofPlatform().name("desk-" + user).daemon().start(() -> deskUser(user)));
    }
    long periodMs = 60_000L / perMinute;
    drivers.scheduleWithFixedDelay(
        () -> guard(this::placeOneOfEach), 0, periodMs, TimeUnit.MILLISECONDS);
    drivers.scheduleWithFixedDelay(() -> guard(this::answerTasks), 2, 2, TimeUnit.SECONDS);
    drivers.scheduleWithFixedDelay(() -> guard(this::patronsAndCounter), 3, 5, TimeUnit.SECONDS);
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    clock.scheduleWithFixedDelay(() -> guard(() -> moveClock(1)), 4, 4, TimeUnit.MINUTES);

    List<double[]> active = new ArrayList<>();
    long start = System.nanoTime();
    for (int minute = 1; minute <= activeMinutes; minute++) {
      // idle stretches: three minutes without new requests every twenty
      placing = minute % 20 < 17;
      sleepUntil(start, minute);
      active.add(new double[] {minute, report("active", minute)});
    }
    // drain: no new requests; the desk keeps working and the clock runs on until every request ends
    placing = false;
    clock.shutdownNow();
    System.out.println("soak: draining (no new requests; clock moves three days every 20 s)");
    long drainStart = System.nanoTime();
    int drained = 0;
    while (!allTerminal() && System.nanoTime() - drainStart < Duration.ofMinutes(15).toNanos()) {
      moveClock(3);
      Thread.sleep(20_000);
      if (++drained % 3 == 0) {
        report("drain", drained / 3);
      }
    }
    working = false;
    drivers.shutdownNow();
    drivers.awaitTermination(30, TimeUnit.SECONDS);
    for (Thread t : desk) {
      t.join(30_000);
    }
    Map<String, Long> byStatus = app.requestsByStatus("BP");
    long stuck =
        byStatus.entrySet().stream()
            .filter(e -> !TERMINAL.contains(e.getKey()))
            .mapToLong(Map.Entry::getValue)
            .sum();
    report("drained", activeMinutes);
    if (stuck > 0) {
      app.jdbc()
          .query(
              "select id, kind, status from request where patron_id like 'BP%' and status not in ("
                  + String.join(", ", TERMINAL.stream().map(t -> "'" + t + "'").toList())
                  + ") limit 20",
              rs -> {
                System.out.printf(
                    "  stuck: %s %s %s%n", rs.getString(1), rs.getString(2), rs.getString(3));
              });
    }
    List<double[]> idle = new ArrayList<>();
    long idleStart = System.nanoTime();
    for (int minute = 0; minute <= idleMinutes; minute++) {
      sleepUntil(idleStart, minute);
      idle.add(new double[] {minute, report("idle", minute)});
    }
    int incidents = engine.projection().incidents().size();
    Map<String, Long> notices = new LinkedHashMap<>();
    app.jdbc()
        .query(
            "select status, count(*) from notice group by status",
            rs -> {
              notices.put(rs.getString(1), rs.getLong(2));
            });
    long duplicates =
        app.jdbc()
            .queryForObject(
                "select count(*) from (select recipient, subject, body from notice where status = 'SENT'"
                    + " group by recipient, subject, body having count(*) > 1) d",
                Long.class);
    double growth = slopePerHour(active.subList(Math.min(10, active.size() - 1), active.size()));
    double idleGrowth = idle.get(idle.size() - 1)[1] - idle.get(0)[1];
    System.out.println();
    System.out.println("soak: summary");
    System.out.printf(
        "  placed: %s; tasks completed through the desk: %d; desk page loads: %d%n",
        placed, tasksDone.get(), deskLoads.get());
    System.out.printf("  errors (HTTP 5xx or unexpected answers): %d%n", errors.get());
    System.out.printf(
        "  requests by status: %s; stuck (not ended after draining): %d%n", byStatus, stuck);
    System.out.printf(
        "  incidents: %d; notices by status: %s; sent twice: %d%n", incidents, notices, duplicates);
    System.out.printf(
        "  heap after GC, growth after warm-up (least squares, minute 10 on): %.1f MB/hour%n",
        growth);
    System.out.printf(
        "  heap after GC, idle %d minutes: %+.2f MB (%.1f -> %.1f MB)%n",
        idleMinutes, idleGrowth, idle.get(0)[1], idle.get(idle.size() - 1)[1]);
    System.out.printf("  engine clock moved %d days%n", clockDays.get());
    boolean ok =
        errors.get() == 0
            && stuck == 0
            && incidents == 0
            && duplicates == 0
            && growth < 20
            && idleGrowth < 1;
    System.out.println(
        "soak: "
            + (ok ? "PASS" : "FAIL")
            + " (targets: 0 errors, 0 stuck, 0 incidents, no mail twice, < 20 MB/hour, idle < 1 MB)");
    return ok ? 0 : 1;
  }

  // ---- patrons place requests

  private void placeOneOfEach() throws Exception {
    if (!placing) {
      return;
    }
    place("PHYSICAL", "/api/physical-requests", "{\"bibId\": " + app.lendableTitle() + "}");
    long bib = app.lendableTitle();
    place(
        "DIGITAL",
        "/api/digital-requests",
        """
        {"kind": "CHAPTER", "title": "Bench title", "isbn": "%s", "chapter": "2",
         "pageStart": 11, "pageEnd": 20, "totalPages": 300,
         "declaration": {"researchOrPrivateStudy": true, "notSuppliedBefore": true,
                         "notRelatedToOtherPerson": true, "noRedistribution": true}}
        """
            .formatted(app.isbnOf(bib)));
    place(
        "OVERSEAS",
        "/api/overseas-requests",
        """
        {"type": "BOOK", "title": "A book from abroad", "author": "Soak, B.", "year": 1999,
         "purpose": "%s"}
        """
            .formatted(
                ThreadLocalRandom.current().nextBoolean() ? "PERSONAL" : "TEACHING_RESEARCH"));
  }

  private void place(String kind, String path, String body) throws Exception {
    String patron =
        app.patron(ThreadLocalRandom.current().nextBoolean() ? "ACADEMIC" : "POSTGRADUATE");
    HttpResponse<String> answer = new WebSession(app.port).api("POST", path, patron, body);
    if (answer.statusCode() != 201) {
      error("placing a " + kind + " request: " + answer.statusCode() + " " + answer.body());
      return;
    }
    patronOf.put(JSON.readTree(answer.body()).path("id").asText(), patron);
    placed.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
  }

  // ---- staff answer every task through the desk

  private void answerTasks() throws Exception {
    for (OpenTask task : userTasks.open()) {
      if (!working) {
        return;
      }
      String user = userFor(task.candidateGroups());
      if (user == null || task.elementId().equals("confirmSmoke")) {
        continue;
      }
      WebSession session = staff(user);
      HttpResponse<String> page = session.get("/desk/tasks/" + task.key());
      deskLoads.incrementAndGet();
      if (page.statusCode() == 302 && relogin(user)) {
        continue;
      }
      if (page.statusCode() == 404 || page.statusCode() == 409) {
        continue; // completed meanwhile
      }
      if (page.statusCode() != 200) {
        error("task page " + task.elementId() + ": " + page.statusCode());
        continue;
      }
      Map<String, Object> variables = answer(task, session);
      if (variables == null) {
        continue;
      }
      HttpResponse<String> done =
          session.postBody(
              "/desk/tasks/" + task.key(),
              "application/json",
              JSON.writeValueAsBytes(Map.of("variables", variables)));
      if (done.statusCode() == 200) {
        tasksDone.incrementAndGet();
      } else if (done.statusCode() != 409) {
        error("completing " + task.elementId() + ": " + done.statusCode() + " " + done.body());
      }
    }
  }

  private Map<String, Object> answer(OpenTask task, WebSession session) throws Exception {
    Map<String, Object> v = new LinkedHashMap<>();
    switch (task.elementId()) {
      case "hkallPullAndShip" -> v.put("pullOutcome", "SHIPPED");
      case "hkallReceiveItem" -> v.put("itemReceived", true);
      case "hkallCheckOut", "overseasCheckOut" -> v.put("patronIdentified", true);
      case "hkallShipBack", "hkallShipBackUnclaimed", "shipBackToPartner" ->
          v.put("shippedBack", true);
      case "hkallConfirmReturn", "hkallConfirmUnclaimedReturn" -> v.put("itemBack", true);
      case "approveOverseasCost" -> {
        v.put("approvalDecision", "APPROVE");
        v.put("approvalComment", "Approved in the soak run.");
      }
      case "sourceFromPartner" -> {
        v.put("sourcingResult", "FOUND");
        v.put("partnerCode", "oclc");
        v.put("estimatedCost", ThreadLocalRandom.current().nextBoolean() ? 40 : 200);
        v.put("currency", "USD");
        v.put("format", "PHYSICAL");
        v.put("deliveryEstimate", "5 weeks");
      }
      case "placeOverseasOrder" -> v.put("orderReference", "SOAK-" + task.key());
      case "recordPartnerTerms" -> {
        v.put(
            "partnerDueDate",
            LocalDate.ofInstant(engine.now(), ZoneId.of("Asia/Hong_Kong")).plusDays(60).toString());
        v.put("partnerFinePerDay", 5);
      }
      case "reviewChapterLength" -> {
        v.put("chapterReview", "APPROVE");
        v.put("chapterReviewNote", "Within the limit (soak run).");
      }
      case "chaseOverdueOrder" -> v.put("overdueAction", "CHASE");
      case "recordLossOrDamage" -> v.put("lossKind", "LOST");
      case "scanAndUpload" -> {
        List<Object> files = upload(session, task.key());
        if (files == null) {
          return null;
        }
        v.put("scanOutcome", "supplied");
        v.put("scanFiles", files);
      }
      case "uploadOverseasScan" -> {
        List<Object> files = upload(session, task.key());
        if (files == null) {
          return null;
        }
        v.put("uploadKeys", files);
        v.put("expectedPages", 10);
      }
      default -> {
        error("no answer for task " + task.elementId());
        return null;
      }
    }
    return v;
  }

  private List<Object> upload(WebSession session, long taskKey) throws Exception {
    String boundary = "soak" + System.nanoTime();
    var body = new java.io.ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"scan.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n")
            .getBytes());
    body.writeBytes(scan);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes());
    HttpResponse<String> answer =
        session.postBody(
            "/desk/documents?task=" + taskKey,
            "multipart/form-data; boundary=" + boundary,
            body.toByteArray());
    if (answer.statusCode() == 409) {
      return null;
    }
    if (answer.statusCode() != 201) {
      error("upload: " + answer.statusCode() + " " + answer.body());
      return null;
    }
    return JSON.readValue(answer.body(), List.class);
  }

  // ---- patrons answer charges and download; staff record arrivals and check loans in

  private void patronsAndCounter() throws Exception {
    long now = System.nanoTime();
    List<Map<String, Object>> open =
        app.jdbc()
            .queryForList(
                "select id, status, patron_id from request where patron_id like 'BP%' and status in"
                    + " ('AWAITING_PATRON', 'DELIVERED', 'ON_LOAN', 'ORDERED')");
    for (Map<String, Object> row : open) {
      if (!working) {
        return;
      }
      String id = (String) row.get("id");
      String patron = (String) row.get("patron_id");
      switch ((String) row.get("status")) {
        case "AWAITING_PATRON" -> {
          HttpResponse<String> a =
              new WebSession(app.port)
                  .api("POST", "/api/requests/" + id + "/charge", patron, "{\"accept\": true}");
          if (a.statusCode() != 202 && a.statusCode() != 409) {
            error("charge answer " + id + ": " + a.statusCode() + " " + a.body());
          }
        }
        case "DELIVERED" -> {
          if (downloads.getOrDefault(id, 0) < 2) {
            HttpResponse<byte[]> d = download(id, patron);
            if (d.statusCode() == 200 && d.body().length > 1000) {
              downloads.merge(id, 1, Integer::sum);
            } else if (d.statusCode() != 410) {
              error("download " + id + ": " + d.statusCode());
            }
          }
        }
        case "ON_LOAN" -> {
          long since = onLoanSince.computeIfAbsent(id, k -> now);
          if (now - since > Duration.ofSeconds(60).toNanos()) {
            HttpResponse<String> c =
                new WebSession(app.port)
                    .api("POST", "/api/staff/requests/" + id + "/check-in", "staff-cityu", null);
            if (c.statusCode() == 200 || c.statusCode() == 202) {
              onLoanSince.remove(id);
            } else if (c.statusCode() != 409) {
              error("check-in " + id + ": " + c.statusCode() + " " + c.body());
            }
          }
        }
        case "ORDERED" -> {
          long since = orderedSince.computeIfAbsent(id, k -> now);
          if (now - since > Duration.ofSeconds(30).toNanos()) {
            WebSession s = staff("staff-cityu");
            s.get("/staff/requests/" + id);
            HttpResponse<String> a =
                s.post(
                    "/staff/requests/" + id + "/arrival",
                    Map.of("confirm", "yes", "note", "in good condition"));
            if (a.statusCode() == 302
                && a.headers().firstValue("Location").orElse("").contains("/login")) {
              relogin("staff-cityu");
            } else if (a.statusCode() == 302) {
              orderedSince.remove(id);
            } else {
              error("arrival " + id + ": " + a.statusCode());
            }
          }
        }
        default -> {}
      }
    }
  }

  private HttpResponse<byte[]> download(String id, String patron) throws Exception {
    return new WebSession(app.port).getBytesAs("/api/requests/" + id + "/download", patron);
  }

  // ---- five more staff on the desk and the console

  private void deskUser(String user) {
    WebSession session = new WebSession(app.port);
    try {
      session.signIn(user);
      while (working) {
        for (String path : List.of("/desk", "/staff")) {
          HttpResponse<String> page = session.get(path);
          deskLoads.incrementAndGet();
          if (page.statusCode() == 302) {
            session = new WebSession(app.port);
            session.signIn(user);
          } else if (page.statusCode() != 200) {
            error("desk user " + user + " " + path + ": " + page.statusCode());
          }
          Thread.sleep(ThreadLocalRandom.current().nextLong(2000, 5000));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      error("desk user " + user + ": " + e);
    }
  }

  // ---- the administrator's clock

  private void moveClock(int days) throws Exception {
    WebSession admin = staff("admin");
    admin.get("/desk/admin");
    HttpResponse<String> moved = admin.post("/desk/clock", Map.of("days", String.valueOf(days)));
    if (moved.statusCode() != 302
        || moved.headers().firstValue("Location").orElse("").contains("/login")) {
      relogin("admin");
      admin = staff("admin");
      admin.get("/desk/admin");
      moved = admin.post("/desk/clock", Map.of("days", String.valueOf(days)));
    }
    if (moved.statusCode() == 302) {
      clockDays.addAndGet(days);
    } else {
      error("moving the clock: " + moved.statusCode());
    }
  }

  // ---- helpers

  private boolean allTerminal() {
    return app.requestsByStatus("BP").keySet().stream().allMatch(TERMINAL::contains);
  }

  private double report(String phase, int minute) {
    long heap = heapAfterGc();
    EmbeddedEngine.Stats s = engine.stats();
    System.out.printf(
        "%-7s %3d min  heap-after-gc %6s MB  rss %6s MB  engine log %5d blocks %6s MB  state %6d entries  live instances %4d  open tasks %3d  errors %d  %s%n",
        phase,
        minute,
        mb(heap),
        mb(rss()),
        s.retainedLogBlocks(),
        mb(s.retainedLogBytes()),
        s.stateEntries(),
        s.liveInstances(),
        s.openTasks(),
        errors.get(),
        app.requestsByStatus("BP"));
    return heap / 1024.0 / 1024.0;
  }

  private static double slopePerHour(List<double[]> points) {
    int n = points.size();
    if (n < 2) {
      return 0;
    }
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (double[] p : points) {
      sx += p[0];
      sy += p[1];
      sxx += p[0] * p[0];
      sxy += p[0] * p[1];
    }
    return (n * sxy - sx * sy) / (n * sxx - sx * sx) * 60;
  }

  private String userFor(List<String> groups) {
    for (String g : groups) {
      if (g.startsWith("staff-")) {
        return g;
      }
      if (g.equals("managers")) {
        return "manager";
      }
    }
    return null;
  }

  private WebSession staff(String user) throws Exception {
    WebSession s = staff.get(user);
    if (s == null) {
      s = new WebSession(app.port).signIn(user);
      staff.put(user, s);
    }
    return s;
  }

  private boolean relogin(String user) throws Exception {
    staff.put(user, new WebSession(app.port).signIn(user));
    return true;
  }

  private void error(String what) {
    int n = errors.incrementAndGet();
    if (n <= 50) {
      System.out.println("soak: ERROR " + what);
    }
  }

  private void guard(Task task) {
    try {
      task.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      if (working) {
        error(e.toString());
      }
    }
  }

  private interface Task {
    void run() throws Exception;
  }

  private static void sleepUntil(long start, int minute) throws InterruptedException {
    long wait = start + Duration.ofMinutes(minute).toNanos() - System.nanoTime();
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }
}

package org.interlend.app.bench;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Start-up of the built jar ({@code app/target/interlend.jar}) as {@code ./interlend run} starts it
 * (the launcher's heap, every part embedded): seconds from starting the JVM until {@code
 * /actuator/health} answers UP, five times, each in a fresh data directory; then SIGTERM and the
 * seconds until the JVM has ended. Beside it, the same JVM printing its version (the JVM's own
 * start).
 *
 * <p>Arguments: {@code [runs=5] [jar=app/target/interlend.jar]}.
 */
public final class StartupBenchmark {

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Path jar = Path.of(args.length > 1 ? args[1] : "target/interlend.jar").toAbsolutePath();
    if (!Files.exists(jar)) {
      jar = Path.of("app/target/interlend.jar").toAbsolutePath();
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    List<Double> ready = new ArrayList<>();
    List<Double> stopped = new ArrayList<>();
    long t0 = System.nanoTime();
    new ProcessBuilder(java, "-version")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start()
        .waitFor();
    double jvm = (System.nanoTime() - t0) / 1e9;
    for (int run = 1; run <= runs; run++) {
      Path data = Files.createTempDirectory("interlend-startup-");
      int port = freePort();
      long start = System.nanoTime();
      Process app =
          new ProcessBuilder(
                  java,
                  "-Xmx512m",
                  "-XX:+ExitOnOutOfMemoryError",
                  "-jar",
                  jar.toString(),
                  "--server.port=" + port,
                  "--interlend.data-dir=" + data,
                  "--interlend.engine.embedded-port=0",
                  "--interlend.storage.embedded-port=0",
                  "--interlend.mail.embedded-port=0")
              .redirectErrorStream(true)
              .redirectOutput(data.resolve("app.log").toFile())
              .start();
      HttpRequest health =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
              .build();
      while (true) {
        if (!app.isAlive()) {
          throw new IllegalStateException(
              "the app ended during start-up; see " + data.resolve("app.log"));
        }
        try {
          HttpResponse<String> h = http.send(health, HttpResponse.BodyHandlers.ofString());
          if (h.statusCode() == 200 && h.body().contains("UP")) {
            break;
          }
        } catch (java.io.IOException e) {
          // not listening yet
        }
        Thread.sleep(50);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      ready.add(seconds);
      long stop = System.nanoTime();
      app.destroy();
      if (!app.waitFor(60, TimeUnit.SECONDS)) {
        app.destroyForcibly();
        throw new IllegalStateException("the app did not end within 60 s of SIGTERM");
      }
      stopped.add((System.nanoTime() - stop) / 1e9);
      System.out.printf(
          "startup: run %d: health UP after %.1f s; ended %.1f s after SIGTERM (exit %d)%n",
          run, seconds, stopped.getLast(), app.exitValue());
    }
    double[] sorted = ready.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    System.out.printf(
        "startup: %d runs: median %.1f s, best %.1f s, worst %.1f s to health UP (target < 20 s); JVM alone %.2f s%n",
        runs, sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1], jvm);
    System.out.println("startup: " + Arrays.toString(sorted));
  }

  private static int freePort() throws java.io.IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}

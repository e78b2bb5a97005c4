package org.interlend.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.interlend.InterlendApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Interlend as {@code ./interlend run} starts it (every part embedded, the default profile), in the
 * benchmark's own JVM and a data directory of its own, so a benchmark reads its figures from the
 * inside (heap after GC, the engine's counters) and drives it over HTTP like its users.
 */
final class BenchApp implements AutoCloseable {

  final ConfigurableApplicationContext context;
  final int port;
  private final Path dataDir;

  private BenchApp(ConfigurableApplicationContext context, Path dataDir) {
    this.context = context;
    this.dataDir = dataDir;
    this.port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
  }

  static BenchApp start(String... properties) throws IOException {
    Path dataDir = Files.createTempDirectory("interlend-bench-");
    // command-line arguments: they take precedence over application.yaml, as the launcher's would
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of(
                "--interlend.data-dir=" + dataDir,
                "--server.port=0",
                "--interlend.engine.embedded-port=0",
                "--interlend.storage.embedded-port=0",
                "--interlend.mail.embedded-port=0",
                "--logging.level.org.interlend=WARN"));
    for (String p : properties) {
      args.add("--" + p);
    }
    SpringApplicationBuilder builder = new SpringApplicationBuilder(InterlendApplication.class);
    return new BenchApp(builder.run(args.toArray(String[]::new)), dataDir);
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  JdbcTemplate jdbc() {
    return bean(JdbcTemplate.class);
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** A patron of the benchmark's own at the home library (demo password, as every demo user). */
  String patron(String category) {
    String id = "BP" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    jdbc()
        .update(
            "insert into patron (id, name, email, category, home_library) values (?, ?, ?, ?, 'cityu')",
            id,
            "Bench Patron " + id,
            id.toLowerCase() + "@bench.example",
            category);
    return id;
  }

  /**
   * A title held only by another library (HKU), one copy on the shelf: requestable by the patron.
   */
  long lendableTitle() {
    String isbn =
        "979" + String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
    long bib =
        jdbc()
            .queryForObject(
                "insert into bib (title, isbn) values ('Bench title', ?) returning id",
                Long.class,
                isbn);
    jdbc()
        .update(
            "insert into item (bib_id, library_code, barcode, format, collection, status)"
                + " values (?, 'hku', ?, 'BOOK', 'GENERAL', 'AVAILABLE')",
            bib,
            "BENCH" + isbn);
    return bib;
  }

  String isbnOf(long bib) {
    return jdbc().queryForObject("select isbn from bib where id = ?", String.class, bib);
  }

  Map<String, Long> requestsByStatus(String idPrefixOfPatrons) {
    Map<String, Long> counts = new java.util.TreeMap<>();
    jdbc()
        .query(
            "select status, count(*) from request where patron_id like ? group by status order by status",
            rs -> {
              counts.put(rs.getString(1), rs.getLong(2));
            },
            idPrefixOfPatrons + "%");
    return counts;
  }

  @Override
  public void close() throws IOException {
    context.close();
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** Heap in use after a full collection, in bytes. */
  static long heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Resident set size of this JVM, in bytes (Linux), or -1. */
  static long rss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  static String mb(long bytes) {
    return String.format("%.1f", bytes / 1024.0 / 1024.0);
  }
}

package org.interlend.copying.scan.bench;

import java.io.File;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.interlend.copying.scan.ImagesToPdf;
import org.interlend.copying.scan.ScanCheck;
import org.interlend.copying.scan.ScanRules;
import org.interlend.copying.scan.ScanValidator;
import org.interlend.copying.scan.WatermarkResult;
import org.interlend.copying.scan.WatermarkText;
import org.interlend.copying.scan.Watermarker;
import org.slf4j.LoggerFactory;

/**
 * Times the scan steps on synthetic 300-dpi greyscale scans against a plain file copy (the floor)
 * and {@code qpdf --overlay} (the target), and proves the steps run in a small heap by repeating
 * them in child JVMs with {@code -Xmx64m} and less. Not a test: run by hand, see {@code
 * docs/benchmarks.md}.
 *
 * <pre>
 * WatermarkBenchmark [--dir DIR] [--pages 30,300] [--warmup 5] [--runs 11] [--heaps 64,32,24,16] [--images 300]
 * </pre>
 *
 * The page images (at most {@code --images} different ones, used in turn for longer scans) and the
 * scans are generated once into {@code DIR} (default {@code $TMPDIR/interlend-scan-bench}) and
 * reused by later runs.
 */
public final class WatermarkBenchmark {

  private static final WatermarkText TEXT =
      WatermarkText.hongKong("ILL-2026-000123", "P-4711", LocalDate.of(2026, 11, 22));
  private static final String CHILD = "--child";

  /** Lift the size limits, to time and stress the checks behind them. */
  private static final ScanRules RULES =
      ScanRules.defaults().withMaxBytes(Long.MAX_VALUE).withMaxPages(Integer.MAX_VALUE);

  /** Jars the scan steps load; see {@link #stepClassPath()}. */
  private static final Pattern STEP_LIBRARIES =
      Pattern.compile("(pdfbox|fontbox|tika-core|commons-logging|commons-io|slf4j-api|logback)");

  private final Path dir;
  private final int[] pageCounts;
  private final int warmup;
  private final int runs;
  private final int[] heapsMb;
  private final int distinctImages;

  private WatermarkBenchmark(
      Path dir, int[] pageCounts, int warmup, int runs, int[] heapsMb, int distinctImages) {
    this.dir = dir;
    this.pageCounts = pageCounts;
    this.warmup = warmup;
    this.runs = runs;
    this.heapsMb = heapsMb;
    this.distinctImages = distinctImages;
  }

  public static void main(String[] args) throws Exception {
    quietLogging();
    if (args.length > 0 && args[0].equals(CHILD)) {
      child(args[1], Path.of(args[2]), Path.of(args[3]));
      return;
    }
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "interlend-scan-bench");
    int[] pages = {30, 300};
    int warmup = 5;
    int runs = 11;
    int[] heaps = {64, 32, 24, 16};
    int images = 300;
    for (int i = 0; i < args.length; i += 2) {
      String value = args[i + 1];
      switch (args[i]) {
        case "--dir" -> dir = Path.of(value);
        case "--pages" -> pages = ints(value);
        case "--warmup" -> warmup = Integer.parseInt(value);
        case "--runs" -> runs = Integer.parseInt(value);
        case "--heaps" -> heaps = ints(value);
        case "--images" -> images = Integer.parseInt(value);
        default -> throw new IllegalArgumentException("Unknown option " + args[i]);
      }
    }
    new WatermarkBenchmark(dir, pages, warmup, runs, heaps, images).run();
  }

  private void run() throws Exception {
    Files.createDirectories(dir);
    int maxPages = Arrays.stream(pageCounts).max().orElseThrow();
    List<Path> images = pageImages(Math.min(maxPages, distinctImages));
    Path stamp = stamp();
    boolean haveQpdf = qpdfVersion() != null;

    System.out.printf(
        Locale.ROOT,
        "%nJava %s (%s), %d CPUs, max heap %d MB; qpdf: %s%n",
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        haveQpdf ? qpdfVersion() : "not installed, skipped");
    System.out.printf(
        Locale.ROOT,
        "Timings: %d warm-up runs, then median and best of %d runs, same JVM.%n%n",
        warmup,
        runs);

    List<String[]> rows = new ArrayList<>();
    List<String> ratios = new ArrayList<>();
    List<Path> scans = new ArrayList<>();
    for (int pages : pageCounts) {
      Path scan =
          scan(IntStream.range(0, pages).mapToObj(i -> images.get(i % images.size())).toList());
      scans.add(scan);
      Path out = dir.resolve("out-" + pages + ".pdf");
      String label = pages + " pages, " + mb(Files.size(scan));

      long[] copy = time(() -> Files.copy(scan, out, StandardCopyOption.REPLACE_EXISTING), out);
      rows.add(row(label, "file copy (floor)", pages, copy));
      rows.add(
          row(
              "",
              "ScanValidator.validate",
              pages,
              time(
                  () -> {
                    ScanCheck check = ScanValidator.validate(scan, pages, RULES);
                    if (!check.ok()) {
                      throw new IllegalStateException(check.toString());
                    }
                  },
                  null)));
      long[] watermark = time(() -> Watermarker.watermark(scan, out, TEXT), out);
      rows.add(row("", "Watermarker.watermark", pages, watermark));
      String ratio =
          String.format(
              Locale.ROOT,
              "%d pages: watermark / copy = %.2f (median), %.2f (best)",
              pages,
              median(watermark) / median(copy),
              best(watermark) / best(copy));
      if (haveQpdf) {
        long[] qpdf =
            time(
                () ->
                    exec(
                        List.of(
                            "qpdf",
                            scan.toString(),
                            "--overlay",
                            stamp.toString(),
                            "--repeat=1",
                            "--",
                            out.toString())),
                out);
        rows.add(row("", "qpdf --overlay", pages, qpdf));
        ratio +=
            String.format(
                Locale.ROOT,
                "; watermark / qpdf = %.2f (median), %.2f (best)",
                median(watermark) / median(qpdf),
                best(watermark) / best(qpdf));
      }
      ratios.add(ratio);
    }
    printTable(new String[] {"scan", "step", "median ms", "best ms", "ms/page", "pages/s"}, rows);
    System.out.println();
    for (String line : ratios) {
      System.out.println(line);
    }

    System.out.printf(
        "%nSmall heaps: each row is a fresh JVM (java -Xmx<N>m, default GC) doing one step once, with"
            + " only the step's%nlibraries on its class path; wall time includes JVM start. Peak heap used: sum of the"
            + " heap pools' peaks%n(an upper bound). Peak RSS: the process's VmHWM (for qpdf: GNU time's maximum"
            + " resident set size).%n%n");
    List<String[]> heapRows = new ArrayList<>();
    Path biggest = scans.get(scans.size() - 1);
    int biggestPages = pageCounts[pageCounts.length - 1];
    for (int i = 0; i < scans.size(); i++) {
      for (int heap : heapsMb) {
        heapRows.add(
            childRow(heap, "watermark", scans.get(i), dir.resolve("child-out.pdf"), pageCounts[i]));
      }
    }
    heapRows.add(childRow(heapsMb[0], "validate", biggest, biggest, biggestPages));
    heapRows.add(
        childRow(
            heapsMb[0],
            "combine",
            dir.resolve("pages"),
            dir.resolve("child-out.pdf"),
            images.size()));
    if (haveQpdf && Files.isExecutable(Path.of("/usr/bin/time"))) {
      heapRows.add(qpdfRow(biggest, stamp, dir.resolve("child-out.pdf"), biggestPages));
    }
    printTable(
        new String[] {
          "step", "input", "-Xmx", "result", "wall ms", "GCs", "peak heap used", "peak RSS"
        },
        heapRows);
  }

  // ---- inputs, made once -------------------------------------------------------------------

  private List<Path> pageImages(int count) throws IOException {
    Path pages = Files.createDirectories(dir.resolve("pages"));
    List<Path> images =
        IntStream.rangeClosed(1, count)
            .mapToObj(i -> pages.resolve(String.format(Locale.ROOT, "page-%04d.jpg", i)))
            .toList();
    long start = System.nanoTime();
    int made = 0;
    for (int i = 0; i < count; i++) {
      Path image = images.get(i);
      if (!Files.exists(image)) {
        Path part = image.resolveSibling(image.getFileName() + ".part");
        PageImages.write(part, i + 1);
        Files.move(part, image, StandardCopyOption.REPLACE_EXISTING);
        made++;
      }
    }
    if (made > 0) {
      System.out.printf(
          Locale.ROOT,
          "Generated %d page images in %.1f s%n",
          made,
          seconds(System.nanoTime() - start));
    }
    long bytes = 0;
    for (Path image : images) {
      bytes += Files.size(image);
    }
    System.out.printf(
        Locale.ROOT,
        "%d page images, %dx%d greyscale JPEG, %.0f KB a page on average%n",
        count,
        PageImages.WIDTH,
        PageImages.HEIGHT,
        bytes / 1024.0 / count);
    return images;
  }

  private Path scan(List<Path> images) throws Exception {
    Path scan = dir.resolve("scan-" + images.size() + ".pdf");
    if (!Files.exists(scan)) {
      Path part = dir.resolve(scan.getFileName() + ".part");
      long start = System.nanoTime();
      ImagesToPdf.combine(images, part);
      Files.move(part, scan, StandardCopyOption.REPLACE_EXISTING);
      System.out.printf(
          Locale.ROOT,
          "Combined %d images into %s (%s) in %.2f s%n",
          images.size(),
          scan.getFileName(),
          mb(Files.size(scan)),
          seconds(System.nanoTime() - start));
    }
    return scan;
  }

  /** One A4 page with the same footer and diagonal mark, for qpdf to overlay on every page. */
  private Path stamp() throws Exception {
    Path blank = dir.resolve("blank.pdf");
    try (PDDocument document = new PDDocument()) {
      document.addPage(new PDPage(PDRectangle.A4));
      document.save(blank.toFile(), CompressParameters.NO_COMPRESSION);
    }
    Path marked = dir.resolve("blank-marked.pdf");
    Watermarker.watermark(blank, marked, TEXT);
    Path stamp = dir.resolve("stamp.pdf");
    try (PDDocument document = Loader.loadPDF(marked.toFile())) {
      document.removePage(0); // the cover
      document.save(stamp.toFile(), CompressParameters.NO_COMPRESSION);
    }
    return stamp;
  }

  // ---- timing ------------------------------------------------------------------------------

  private interface Step {
    void run() throws Exception;
  }

  /**
   * Nanoseconds of each timed run, after the warm-up runs; {@code out} is deleted before each run.
   */
  private long[] time(Step step, Path out) throws Exception {
    long[] times = new long[runs];
    for (int i = 0; i < warmup + runs; i++) {
      if (out != null) {
        Files.deleteIfExists(out);
      }
      long start = System.nanoTime();
      step.run();
      long elapsed = System.nanoTime() - start;
      if (i >= warmup) {
        times[i - warmup] = elapsed;
      }
    }
    Arrays.sort(times);
    return times;
  }

  private static double median(long[] sortedNanos) {
    return sortedNanos[sortedNanos.length / 2];
  }

  private static double best(long[] sortedNanos) {
    return sortedNanos[0];
  }

  private static String[] row(String scan, String step, int pages, long[] sortedNanos) {
    double median = sortedNanos[sortedNanos.length / 2] / 1e6;
    double best = sortedNanos[0] / 1e6;
    return new String[] {
      scan,
      step,
      fmt("%.0f", median),
      fmt("%.0f", best),
      fmt("%.2f", median / pages),
      fmt("%.0f", pages / (median / 1000))
    };
  }

  private static void exec(List<String> command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException(command + " failed: exit " + process.exitValue());
    }
  }

  private static String qpdfVersion() {
    try {
      Process process = new ProcessBuilder("qpdf", "--version").redirectErrorStream(true).start();
      String output =
          new String(process.getInputStream().readAllBytes()).lines().findFirst().orElse("");
      return process.waitFor() == 0 ? output : null;
    } catch (IOException | InterruptedException e) {
      return null;
    }
  }

  // ---- small-heap child JVMs ---------------------------------------------------------------

  private String[] childRow(int heapMb, String step, Path in, Path out, int pages)
      throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        List.of(
            java.toString(),
            "-Xmx" + heapMb + "m",
            "-cp",
            stepClassPath(),
            WatermarkBenchmark.class.getName(),
            CHILD,
            step,
            in.toString(),
            out.toString());
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    boolean ok = process.waitFor() == 0;
    double wall = (System.nanoTime() - start) / 1e6;
    String peak = value(output, "peak-heap-mb=", " MB");
    String collections = value(output, "gcs=", "");
    String result =
        ok
            ? "passes"
            : "FAILS: "
                + output
                    .lines()
                    .filter(l -> l.contains("Error") || l.contains("Exception"))
                    .findFirst()
                    .orElse("exit code");
    return new String[] {
      step,
      pages + " pages",
      heapMb + "m",
      result,
      fmt("%.0f", wall),
      collections,
      peak,
      value(output, "peak-rss-mb=", " MB")
    };
  }

  /** qpdf --overlay once, under GNU time for its peak resident set size. */
  private static String[] qpdfRow(Path scan, Path stamp, Path out, int pages) throws Exception {
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(
                "/usr/bin/time",
                "-f",
                "max-rss-kb=%M",
                "qpdf",
                scan.toString(),
                "--overlay",
                stamp.toString(),
                "--repeat=1",
                "--",
                out.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());
    boolean ok = process.waitFor() == 0;
    double wall = (System.nanoTime() - start) / 1e6;
    String rss =
        output
            .lines()
            .filter(l -> l.startsWith("max-rss-kb="))
            .map(
                l ->
                    fmt(
                        "%.1f MB",
                        Long.parseLong(l.substring("max-rss-kb=".length()).strip()) / 1024.0))
            .findFirst()
            .orElse("-");
    return new String[] {
      "qpdf --overlay",
      pages + " pages",
      "",
      ok ? "passes" : "FAILS",
      fmt("%.0f", wall),
      "",
      "",
      rss
    };
  }

  /**
   * The benchmark's class path without the jars the scan steps never load (Spring, the engine
   * client, ...): a JVM maps and indexes every jar it searches, which would count in its RSS.
   */
  private static String stepClassPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(
            entry ->
                !entry.endsWith(".jar")
                    || STEP_LIBRARIES.matcher(Path.of(entry).getFileName().toString()).lookingAt())
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static String value(String output, String prefix, String unit) {
    return output
        .lines()
        .filter(l -> l.startsWith(prefix))
        .map(l -> l.substring(prefix.length()) + unit)
        .findFirst()
        .orElse("-");
  }

  /**
   * Runs one step and prints the peak heap use and the number of collections. A failure
   * (OutOfMemoryError) exits non-zero.
   */
  private static void child(String step, Path in, Path out) throws Exception {
    switch (step) {
      case "watermark" -> {
        WatermarkResult result = Watermarker.watermark(in, out, TEXT);
        System.out.println("pages=" + result.pages() + " bytes=" + result.bytes());
      }
      case "validate" -> System.out.println(ScanValidator.validate(in, 0, RULES));
      case "combine" -> {
        List<Path> images;
        try (var files = Files.list(in)) {
          images = files.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
        }
        System.out.println("pages=" + ImagesToPdf.combine(images, out));
      }
      default -> throw new IllegalArgumentException(step);
    }
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    long collections = 0;
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      collections += Math.max(0, collector.getCollectionCount());
    }
    // Sum of each heap pool's own peak (eden, survivor, old): an upper bound of the heap's peak.
    System.out.println("peak-heap-mb=" + fmt("%.1f", peak / 1048576.0));
    System.out.println("gcs=" + collections);
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) { // peak resident set size, in kB
        long kb = Long.parseLong(line.substring("VmHWM:".length()).replace("kB", "").strip());
        System.out.println("peak-rss-mb=" + fmt("%.1f", kb / 1024.0));
      }
    }
  }

  // ---- output ------------------------------------------------------------------------------

  private static void printTable(String[] header, List<String[]> rows) {
    int[] widths = new int[header.length];
    for (int i = 0; i < header.length; i++) {
      widths[i] = header[i].length();
      for (String[] row : rows) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    printRow(header, widths);
    String[] rule = new String[header.length];
    for (int i = 0; i < header.length; i++) {
      rule[i] = "-".repeat(widths[i]);
    }
    printRow(rule, widths);
    rows.forEach(row -> printRow(row, widths));
  }

  private static void printRow(String[] cells, int[] widths) {
    StringBuilder line = new StringBuilder("|");
    for (int i = 0; i < cells.length; i++) {
      boolean numeric = i >= 2 && !cells[i].isEmpty() && Character.isDigit(cells[i].charAt(0));
      String format = numeric ? " %" + widths[i] + "s |" : " %-" + widths[i] + "s |";
      line.append(String.format(Locale.ROOT, format, cells[i]));
    }
    System.out.println(line);
  }

  private static String mb(long bytes) {
    return fmt("%.1f MB", bytes / 1048576.0);
  }

  private static String fmt(String format, double value) {
    return String.format(Locale.ROOT, format, value);
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static int[] ints(String csv) {
    return Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
  }

  /** PDFBox logs font fallbacks at WARN on every document; keep the table readable. */
  private static void quietLogging() {
    if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
        instanceof ch.qos.logback.classic.Logger root) {
      root.setLevel(ch.qos.logback.classic.Level.ERROR);
    }
  }
}

package org.interlend.copying;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.interlend.copying.scan.ImagesToPdf;
import org.interlend.copying.scan.ScanCheck;
import org.interlend.copying.scan.ScanRules;
import org.interlend.copying.scan.ScanValidator;
import org.interlend.copying.scan.UnusableImageException;
import org.interlend.copying.scan.UnusableScanException;
import org.interlend.copying.scan.WatermarkResult;
import org.interlend.copying.scan.WatermarkText;
import org.interlend.copying.scan.Watermarker;
import org.interlend.storage.DocumentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The file work of a delivery, between the object store and a private temporary directory: files
 * are streamed to disk and back, never held in memory, so heap use does not grow with the scan.
 *
 * <p>An upload is one PDF, or page images (JPEG or PNG) combined into one PDF in upload order. The
 * name says which role a file plays (.pdf, or .jpg/.jpeg/.png); its content must match: a JPEG
 * called {@code scan.pdf} is refused as not a PDF.
 *
 * <p>Failures are sorted in one place. Anything that goes wrong while checking, combining or
 * marking the files of a given upload is a problem with that upload: it comes back as a {@link
 * ScanProblem} with a reason the scanning staff can act on (the workers turn it into the BPMN
 * error {@code SCAN_INVALID}), including parser crashes, a structure that exhausts the heap or the
 * stack, and any other runtime exception. Only failures of the infrastructure, which a retry may
 * cure, are thrown: the document store ({@code StorageException}) and the local disk ({@link
 * UncheckedIOException}).
 */
@Service
public class ScanFiles {

  private static final Logger LOG = LoggerFactory.getLogger(ScanFiles.class);

  private final DocumentStore store;
  private final CopyingProperties properties;

  public ScanFiles(DocumentStore store, CopyingProperties properties) {
    this.store = store;
    this.properties = properties;
  }

  /** A usable scan: the key of its PDF (the upload itself, or the combined images), and its pages. */
  public record Prepared(String scanKey, int pages, long bytes) {}

  /** Either a prepared scan or the problem to send back to the scanning staff. */
  public record Outcome(Prepared prepared, ScanProblem problem) {
    public boolean ok() {
      return prepared != null;
    }
  }

  /** Either the marked copy, stored, or the problem to send back to the scanning staff. */
  public record Marked(WatermarkResult copy, ScanProblem problem) {
    public boolean ok() {
      return copy != null;
    }
  }

  /**
   * Checks the upload and, for page images, stores their combined PDF under {@code combinedKey}.
   *
   * @param expectedPages pages of the requested range, or null to skip the page check
   * @throws org.interlend.storage.StorageException if the store fails (retry)
   * @throws UncheckedIOException if the local disk fails (retry)
   */
  public Outcome prepare(List<String> uploadKeys, Integer expectedPages, String combinedKey) {
    if (uploadKeys == null || uploadKeys.isEmpty()) {
      return problem("NO_FILE", "No file was uploaded. Please upload the scan as one PDF or as page images.");
    }
    ScanRules rules = new ScanRules(properties.maxScanSize().toBytes(), properties.pageTolerance());
    int expected = expectedPages == null || expectedPages <= 0 ? ScanValidator.ANY_PAGE_COUNT : expectedPages;
    List<String> pdfs = uploadKeys.stream().filter(k -> !isImageName(k)).toList();
    List<String> images = uploadKeys.stream().filter(ScanFiles::isImageName).toList();
    if (!pdfs.isEmpty() && !images.isEmpty() || pdfs.size() > 1) {
      return problem("MIXED", "Please upload either one PDF or page images (JPEG or PNG), not "
          + (pdfs.size() > 1 ? pdfs.size() + " PDFs" : "a PDF and images") + ".");
    }
    Path dir = tempDir();
    try {
      List<Path> files = new ArrayList<>();
      for (String key : uploadKeys) {
        if (store.stat(key).isEmpty()) {
          return problem("MISSING", "The uploaded file " + fileName(key)
              + " is no longer in the document store. Please upload it again.");
        }
        files.add(download(key, dir.resolve(files.size() + "-" + safeName(key))));
      }
      String scanKey = images.isEmpty() ? uploadKeys.get(0) : combinedKey;
      Path scan = images.isEmpty() ? files.get(0) : dir.resolve("combined.pdf");
      ScanCheck check;
      try {
        if (!images.isEmpty()) {
          ImagesToPdf.combine(files, scan);
        }
        check = ScanValidator.validate(scan, expected, rules);
      } catch (UnusableImageException e) {
        return problem("NOT_IMAGE", e.getMessage() + ". Please upload JPEG or PNG page images, or one PDF.");
      } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
        return crashed("checked", uploadKeys, e);
      }
      if (check instanceof ScanCheck.Accepted && !images.isEmpty()) {
        store.put(combinedKey, scan, "application/pdf", Map.of("source", "page-images"));
      }
      return outcome(check, scanKey);
    } catch (IOException e) {
      throw new UncheckedIOException("could not prepare the scan in " + dir + ": " + e.getMessage(), e);
    } finally {
      deleteTree(dir);
    }
  }

  /**
   * Writes the marked copy of the scan at {@code scanKey} to {@code deliveryKey}: cover page with
   * the copyright notice, the mark on every page, nothing active or hidden (see {@link
   * Watermarker}).
   *
   * @throws IllegalArgumentException if {@code text} cannot be printed (not a problem of the scan)
   * @throws org.interlend.storage.StorageException if the store fails (retry)
   * @throws UncheckedIOException if the local disk fails (retry)
   */
  public Marked watermark(String scanKey, String deliveryKey, WatermarkText text) {
    Watermarker.checkText(text);
    Path dir = tempDir();
    try {
      Path scan = download(scanKey, dir.resolve("scan.pdf"));
      Path marked = dir.resolve("delivery.pdf");
      WatermarkResult result;
      try {
        result = Watermarker.watermark(scan, marked, text);
      } catch (UnusableScanException e) {
        return new Marked(null, new ScanProblem(e.reason().name(), e.getMessage()));
      } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
        return new Marked(null, crashed("marked", List.of(scanKey), e).problem());
      }
      store.put(
          deliveryKey,
          marked,
          "application/pdf",
          Map.of("request", text.requestId(), "sha256", result.sha256()));
      return new Marked(result, null);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not watermark " + scanKey + " for " + text.requestId() + ": " + e.getMessage(), e);
    } finally {
      deleteTree(dir);
    }
  }

  /**
   * An unexpected failure on the upload's content (a parser bug, a structure that exhausts the
   * heap or the stack): still a problem with this upload, reported as such, and logged for us.
   */
  private static Outcome crashed(String step, List<String> keys, Throwable e) {
    LOG.warn("The scan {} could not be {}; refused as unusable", keys, step, e);
    if (e instanceof OutOfMemoryError || e instanceof StackOverflowError) {
      return problem(ScanCheck.Reason.TOO_COMPLEX.name(), "The PDF is too complex to be " + step
          + " here (its structure needs more memory than a scan should). Please save it again (for example with"
          + " \"Print to PDF\") and upload the new file.");
    }
    return problem(ScanCheck.Reason.UNREADABLE.name(), "The PDF could not be " + step + " ("
        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
        + "). It may be damaged; please save it again (for example with \"Print to PDF\") and upload the new file.");
  }

  /** Removes raw uploads and intermediate files; missing objects are fine. */
  public void remove(List<String> keys) {
    keys.forEach(store::remove);
  }

  private Path download(String key, Path file) throws IOException {
    try (InputStream in = store.get(key)) {
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
    return file;
  }

  private static Outcome outcome(ScanCheck check, String scanKey) {
    return switch (check) {
      case ScanCheck.Accepted a -> new Outcome(new Prepared(scanKey, a.pages(), a.bytes()), null);
      case ScanCheck.Rejected r -> problem(r.code(), r.message());
    };
  }

  private static Outcome problem(String code, String message) {
    return new Outcome(null, new ScanProblem(code, message));
  }

  static boolean isImageName(String key) {
    String name = key.toLowerCase(Locale.ROOT);
    return name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".png");
  }

  private static String fileName(String key) {
    int slash = key.lastIndexOf('/');
    return slash < 0 ? key : key.substring(slash + 1);
  }

  private static String safeName(String key) {
    return fileName(key).replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("interlend-scan-");
    } catch (IOException e) {
      throw new UncheckedIOException("no temporary directory for the scan: " + e.getMessage(), e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is cleaned by the OS; the job's outcome stands
    }
  }
}

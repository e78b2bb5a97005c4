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
import org.interlend.documents.DocumentGoneException;
import org.interlend.documents.Documents;
import org.interlend.storage.DocumentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The file work of a delivery, between the object store and a private temporary directory: files
 * are streamed to disk and back, never held in memory, so heap use does not grow with the scan.
 *
 * <p>An upload is one PDF, or page images (JPEG, PNG or TIFF, a TIFF may hold several pages)
 * combined into one PDF in upload order. The name says which role a file plays (.pdf, or
 * .jpg/.jpeg/.png/.tif/.tiff); its content must match: a JPEG called {@code scan.pdf} is refused as
 * not a PDF. The files come from Interlend's object store or, as document references, from
 * Camunda's document store (Tasklist's file picker) through {@link Documents}.
 *
 * <p>Failures are sorted in one place. Anything that goes wrong while checking, combining or
 * marking the files of a given upload is a problem with that upload: it comes back as a {@link
 * ScanProblem} with a reason the scanning staff can act on (the workers turn it into the BPMN error
 * {@code SCAN_INVALID}), including parser crashes, a structure that exhausts the heap or the stack,
 * and any other runtime exception. Only failures of the infrastructure, which a retry may cure, are
 * thrown: the document store ({@code StorageException}) and the local disk ({@link
 * UncheckedIOException}).
 */
@Service
public class ScanFiles {

  private static final Logger LOG = LoggerFactory.getLogger(ScanFiles.class);

  private final DocumentStore store;
  private final Documents documents;
  private final CopyingProperties properties;

  public ScanFiles(DocumentStore store, Documents documents, CopyingProperties properties) {
    this.store = store;
    this.documents = documents;
    this.properties = properties;
  }

  /**
   * A usable scan: the key of its PDF (the upload itself, or the combined images), and its pages.
   */
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
  public Outcome prepare(List<Upload> uploads, Integer expectedPages, String combinedKey) {
    if (uploads == null || uploads.isEmpty()) {
      return problem(
          "NO_FILE", "No file was uploaded. Please upload the scan as one PDF or as page images.");
    }
    ScanRules rules = new ScanRules(properties.maxScanSize().toBytes(), properties.pageTolerance());
    int expected =
        expectedPages == null || expectedPages <= 0 ? ScanValidator.ANY_PAGE_COUNT : expectedPages;
    List<Upload> pdfs = uploads.stream().filter(u -> !u.image()).toList();
    List<Upload> images = uploads.stream().filter(Upload::image).toList();
    if (!pdfs.isEmpty() && !images.isEmpty() || pdfs.size() > 1) {
      return problem(
          "MIXED",
          "Please upload either one PDF or page images (JPEG, PNG or TIFF), not "
              + (pdfs.size() > 1 ? pdfs.size() + " PDFs" : "a PDF and images")
              + ".");
    }
    Path dir = tempDir();
    try {
      List<Path> files = new ArrayList<>();
      for (Upload upload : uploads) {
        Path file = dir.resolve(files.size() + "-" + safeName(upload.name()));
        if (!fetch(upload, file)) {
          return problem(
              "MISSING",
              "The uploaded file "
                  + upload.name()
                  + " is no longer in the document store. Please upload it again.");
        }
        files.add(file);
      }
      // one PDF already in Interlend's store is used where it is; anything else is stored anew
      boolean inPlace = images.isEmpty() && uploads.get(0) instanceof Upload.Stored;
      String scanKey = inPlace ? ((Upload.Stored) uploads.get(0)).key() : combinedKey;
      Path scan = images.isEmpty() ? files.get(0) : dir.resolve("combined.pdf");
      ScanCheck check;
      try {
        if (!images.isEmpty()) {
          ImagesToPdf.combine(files, scan);
        }
        check = ScanValidator.validate(scan, expected, rules);
      } catch (UnusableImageException e) {
        return problem(
            "NOT_IMAGE",
            e.getMessage() + ". Please upload JPEG, PNG or TIFF page images, or one PDF.");
      } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
        return crashed("checked", uploads.stream().map(Upload::name).toList(), e);
      }
      if (check instanceof ScanCheck.Accepted && !inPlace) {
        store.put(
            combinedKey,
            scan,
            "application/pdf",
            Map.of("source", images.isEmpty() ? "uploaded-document" : "page-images"));
      }
      return outcome(check, scanKey);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not prepare the scan in " + dir + ": " + e.getMessage(), e);
    } finally {
      deleteTree(dir);
    }
  }

  /** Copies the upload to {@code file}; false if the store no longer has it. */
  private boolean fetch(Upload upload, Path file) throws IOException {
    switch (upload) {
      case Upload.Stored stored -> {
        if (store.stat(stored.key()).isEmpty()) {
          return false;
        }
        download(stored.key(), file);
        return true;
      }
      case Upload.Document document -> {
        try (InputStream in = documents.open(document.reference())) {
          Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
          return true;
        } catch (DocumentGoneException e) {
          LOG.info("Upload {} is gone: {}", upload.name(), e.getMessage());
          return false;
        }
      }
    }
  }

  /**
   * Deletes the supplier's raw uploads: documents from their store (Camunda's, once the copy is
   * delivered or refused, the raw scan must not outlive it) and objects from Interlend's. Gone ones
   * are fine.
   */
  public void removeUploads(List<Upload> uploads) {
    for (Upload upload : uploads) {
      switch (upload) {
        case Upload.Stored stored -> store.remove(stored.key());
        case Upload.Document document -> documents.delete(document.reference());
      }
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
   * An unexpected failure on the upload's content (a parser bug, a structure that exhausts the heap
   * or the stack): still a problem with this upload, reported as such, and logged for us.
   */
  private static Outcome crashed(String step, List<String> keys, Throwable e) {
    // keys: the names of the files (for the log)
    LOG.warn("The scan {} could not be {}; refused as unusable", keys, step, e);
    if (e instanceof OutOfMemoryError || e instanceof StackOverflowError) {
      return problem(
          ScanCheck.Reason.TOO_COMPLEX.name(),
          "The PDF is too complex to be "
              + step
              + " here (its structure needs more memory than a scan should). Please save it again (for example with"
              + " \"Print to PDF\") and upload the new file.");
    }
    return problem(
        ScanCheck.Reason.UNREADABLE.name(),
        "The PDF could not be "
            + step
            + " ("
            + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage())
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

  private static String safeName(String name) {
    String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
    return safe.length() > 100 ? safe.substring(safe.length() - 100) : safe;
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

package org.interlend.copying;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.interlend.copying.scan.HostileCorpus;
import org.interlend.copying.scan.HostileCorpus.Case;
import org.interlend.copying.scan.ScanCheck.Reason;
import org.interlend.storage.DocumentStore;
import org.interlend.storage.StorageException;
import org.interlend.storage.StoredObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every upload of the {@link HostileCorpus}, and a few that are not PDFs at all, through the job
 * workers' own methods ({@code validate-scan}, then {@code watermark-scan}) with the real {@link
 * ScanFiles}: each ends delivered or as the BPMN error {@code SCAN_INVALID} with a reason, never
 * with any other exception (which would become an incident after the retries). Only a failing store
 * is thrown, to be retried.
 */
class ScanWorkerPathTest {

  private static final String REQUEST = "ILL-2026-000777";

  /** One for all tests: building the S3 client behind it takes about a second. */
  private static final MemoryStore STORE = new MemoryStore();

  private final MemoryStore store = STORE.reset();
  private final ScanFiles scans =
      new ScanFiles(
          store,
          new org.interlend.documents.RoutedDocuments(
              new org.interlend.documents.LocalDocuments(store, java.time.Duration.ofDays(1)),
              null),
          CopyingProperties.defaults());
  private final DigitalDeliveryWorkers workers =
      new DigitalDeliveryWorkers(
          scans, new FixedKey(), new NoRequests(), CopyingProperties.defaults());

  /** What became of one upload. */
  private record Result(Map<String, Object> delivered, BpmnError refused) {}

  static Stream<Case> uploads() {
    List<Case> cases = new ArrayList<>(HostileCorpus.cases());
    cases.add(new Case("empty.pdf", new byte[0], 0, Reason.EMPTY, "empty"));
    cases.add(
        new Case(
            "page.pdf",
            "<!DOCTYPE html><html><body>Session expired</body></html>"
                .getBytes(StandardCharsets.US_ASCII),
            0,
            Reason.NOT_PDF,
            "text/html"));
    cases.add(
        new Case(
            "garbage.pdf",
            "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R\nnot a PDF body\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII),
            0,
            Reason.UNREADABLE,
            null));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("uploads")
  void everyUploadIsDeliveredOrRefusedAsScanInvalid(Case upload) throws IOException {
    String key = "uploads/" + REQUEST + "/" + upload.name();
    store.put(
        key,
        new ByteArrayInputStream(upload.pdf()),
        upload.pdf().length,
        "application/pdf",
        Map.of());

    Result result = run(key);

    if (upload.delivered()) {
      assertThat(result.refused()).as("%s is delivered", upload.name()).isNull();
      assertThat(result.delivered()).containsEntry("deliveryPages", upload.pages() + 1);
      byte[] copy = store.bytes((String) result.delivered().get("deliveryKey"));
      assertThat((long) copy.length).isEqualTo(result.delivered().get("deliveryBytes"));
      try (PDDocument document = Loader.loadPDF(copy)) {
        assertThat(document.getNumberOfPages()).isEqualTo(upload.pages() + 1);
        assertThat(document.getDocumentInformation().getSubject()).contains(REQUEST, "P-1");
      }
    } else {
      assertThat(result.refused()).as("%s is refused", upload.name()).isNotNull();
      BpmnError error = result.refused();
      assertThat(error.getErrorCode()).isEqualTo(DigitalDeliveryWorkers.SCAN_INVALID);
      @SuppressWarnings("unchecked")
      Map<String, Object> variables = (Map<String, Object>) error.getVariables();
      assertThat(variables).containsEntry("scanProblemCode", upload.refusal().name());
      assertThat((String) variables.get("scanProblem"))
          .isEqualTo(error.getErrorMessage())
          .isNotBlank();
      if (upload.message() != null) {
        assertThat(error.getErrorMessage()).contains(upload.message());
      }
      assertThat(store.stat(key)).as("a refused upload is not kept").isEmpty();
    }
  }

  /** The workers in the order the process runs them; any exception but SCAN_INVALID escapes. */
  private Result run(String key) {
    try {
      Map<String, Object> validated = workers.validate(job(), REQUEST, List.of(key), null);
      Map<String, Object> marked =
          workers.watermark(REQUEST, "P-1", (String) validated.get("scanKey"), List.of(key));
      return new Result(marked, null);
    } catch (BpmnError e) {
      return new Result(null, e);
    }
  }

  @Test
  void aStoreThatFailsIsThrownForARetryNotReportedAsABadScan() {
    String key = "uploads/" + REQUEST + "/scan.pdf";
    store.put(key, new ByteArrayInputStream(new byte[] {'%'}), 1, "application/pdf", Map.of());
    store.failing = true;

    assertThatThrownBy(() -> workers.validate(job(), REQUEST, List.of(key), null))
        .isInstanceOf(StorageException.class);
    assertThatThrownBy(() -> workers.watermark(REQUEST, "P-1", key, List.of(key)))
        .isInstanceOf(StorageException.class);
  }

  @Test
  void aDownloadThatBreaksOffIsThrownForARetry() {
    String key = "uploads/" + REQUEST + "/scan.pdf";
    store.put(key, new ByteArrayInputStream(new byte[] {'%'}), 1, "application/pdf", Map.of());
    store.brokenStreams = true;

    assertThatThrownBy(() -> workers.watermark(REQUEST, "P-1", key, List.of(key)))
        .isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void aDeliveredCopyKeepsTheUploadForThePublishStep() {
    Case good =
        HostileCorpus.cases().stream()
            .filter(c -> c.name().equals("javascript.pdf"))
            .findFirst()
            .orElseThrow();
    String key = "uploads/" + REQUEST + "/" + good.name();
    store.put(
        key, new ByteArrayInputStream(good.pdf()), good.pdf().length, "application/pdf", Map.of());

    Result result = run(key);

    assertThat(result.delivered()).containsKeys("deliveryKey", "deliverySha256", "deliveryBytes");
    assertThat(store.stat(key)).isPresent();
  }

  private static ActivatedJob job() {
    return (ActivatedJob)
        Proxy.newProxyInstance(
            ActivatedJob.class.getClassLoader(),
            new Class<?>[] {ActivatedJob.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getKey" -> 4242L;
                  case "toString" -> "job 4242";
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  /** The delivery key a real {@link DigitalDeliveries} would reserve, without the database. */
  private static final class FixedKey extends DigitalDeliveries {
    FixedKey() {
      super(null);
    }

    @Override
    public String reserveKey(String requestId) {
      return "deliveries/" + requestId + ".pdf";
    }
  }

  /** No digital request on record (as for an overseas copy): the copy has no title or supplier. */
  private static final class NoRequests extends DigitalRequests {
    NoRequests() {
      super(null, null, null, null, null, null);
    }

    @Override
    public Optional<CopyRequest> find(String requestId) {
      return Optional.empty();
    }

    @Override
    public Optional<String> supplier(String requestId) {
      return Optional.empty();
    }
  }

  /** The document store in memory; it can be told to fail like an unreachable S3. */
  private static final class MemoryStore extends DocumentStore {
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    volatile boolean failing;
    volatile boolean brokenStreams;

    MemoryStore() {
      super(URI.create("http://127.0.0.1:1"), null, "us-east-1", "key", "secret", "test");
    }

    MemoryStore reset() {
      objects.clear();
      failing = false;
      brokenStreams = false;
      return this;
    }

    byte[] bytes(String key) {
      return objects.get(key);
    }

    private void check(String operation, String key) {
      if (failing) {
        throw new StorageException(operation, key, null, "Connection refused", null);
      }
    }

    @Override
    public void put(
        String key, InputStream in, long size, String contentType, Map<String, String> metadata) {
      check("put", key);
      try {
        objects.put(key, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void put(String key, Path file, String contentType, Map<String, String> metadata) {
      check("put", key);
      try {
        objects.put(key, Files.readAllBytes(file));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public Optional<StoredObject> stat(String key) {
      check("stat", key);
      byte[] bytes = objects.get(key);
      return bytes == null
          ? Optional.empty()
          : Optional.of(new StoredObject(key, bytes.length, "application/pdf", "etag", Map.of()));
    }

    @Override
    public InputStream get(String key) {
      check("get", key);
      byte[] bytes = objects.get(key);
      if (bytes == null) {
        throw new StorageException("get", key, "NoSuchKey", "no such key", null);
      }
      if (brokenStreams) {
        return new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("Connection reset " + Instant.now());
          }
        };
      }
      return new ByteArrayInputStream(bytes);
    }

    @Override
    public void remove(String key) {
      check("remove", key);
      objects.remove(key);
    }
  }
}

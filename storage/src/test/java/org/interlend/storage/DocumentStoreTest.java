package org.interlend.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentStoreTest {

  private static final byte[] CONTENT =
      "%PDF-1.7 an interlibrary loan scan, small on purpose".getBytes(StandardCharsets.US_ASCII);

  @TempDir static Path dataDir;

  static EmbeddedS3 s3;
  static DocumentStore store;

  @BeforeAll
  static void start() {
    s3 = new EmbeddedS3(dataDir, 0, "test-access", "test-secret").start();
    store =
        new DocumentStore(
            s3.endpoint(), s3.endpoint(), "us-east-1", "test-access", "test-secret", "documents");
    store.ensureBucket();
  }

  @AfterAll
  static void stop() {
    store.close();
    s3.close();
  }

  @Test
  void roundTrip() throws Exception {
    String key = "requests/ILL-1/article.pdf";
    store.put(
        key,
        new ByteArrayInputStream(CONTENT),
        CONTENT.length,
        "application/pdf",
        Map.of("request-id", "ILL-1", "Lender", "UB Zürich"));

    StoredObject stat = store.stat(key).orElseThrow();
    assertThat(stat.key()).isEqualTo(key);
    assertThat(stat.size()).isEqualTo(CONTENT.length);
    assertThat(stat.contentType()).isEqualTo("application/pdf");
    assertThat(stat.etag()).isNotBlank().doesNotContain("\"");
    assertThat(stat.metadata())
        .containsEntry("request-id", "ILL-1")
        .containsEntry("lender", "UB Zürich");

    try (InputStream in = store.get(key)) {
      assertThat(in.readAllBytes()).isEqualTo(CONTENT);
    }
    try (InputStream in = store.getRange(key, 5, 3)) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("1.7");
    }

    store.remove(key);
    assertThat(store.stat(key)).isEmpty();
    store.remove(key);
    assertThatThrownBy(() -> store.get(key))
        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.isNotFound()).isTrue())
        .hasMessageContaining(key)
        .hasMessageContaining("get");
  }

  @Test
  void putsAFile(@TempDir Path work) throws Exception {
    Path file = Files.write(work.resolve("upload.txt"), CONTENT);
    store.put("files/upload.txt", file, "text/plain", Map.of());
    assertThat(store.stat("files/upload.txt").orElseThrow())
        .extracting(StoredObject::size, StoredObject::contentType)
        .containsExactly((long) CONTENT.length, "text/plain");
  }

  @Test
  void presignedLinkWorksOverHttpAndOnlyWithItsSignature() throws Exception {
    store.put(
        "shared/scan.pdf",
        new ByteArrayInputStream(CONTENT),
        CONTENT.length,
        "application/pdf",
        Map.of());
    URI link = store.presignedGet("shared/scan.pdf", Duration.ofMinutes(5));
    assertThat(link.getQuery()).contains("X-Amz-Expires=300");

    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<byte[]> ok =
        http.send(HttpRequest.newBuilder(link).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).isEqualTo(CONTENT);

    String signed = link.toString();
    char last = signed.charAt(signed.length() - 1);
    URI tampered = URI.create(signed.substring(0, signed.length() - 1) + (last == '0' ? '1' : '0'));
    HttpResponse<byte[]> refused =
        http.send(
            HttpRequest.newBuilder(tampered).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(refused.statusCode()).isEqualTo(403);
  }

  @Test
  void aPresignedLinkCanNameTheSavedFile() throws Exception {
    store.put(
        "deliveries/0f3a.pdf",
        new ByteArrayInputStream(CONTENT),
        CONTENT.length,
        "application/pdf",
        Map.of());
    URI link =
        store.presignedGet("deliveries/0f3a.pdf", Duration.ofSeconds(60), "R-1001 chapter 3.pdf");
    HttpResponse<byte[]> ok =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(link).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"R-1001_chapter_3.pdf\"");
    assertThat(ok.body()).isEqualTo(CONTENT);
  }

  @Test
  void presignedLinkValidityIsBounded() {
    assertThatThrownBy(() -> store.presignedGet("x", Duration.ofMillis(500)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.presignedGet("x", Duration.ofDays(8)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

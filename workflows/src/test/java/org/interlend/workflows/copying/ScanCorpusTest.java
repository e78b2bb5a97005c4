package org.interlend.workflows.copying;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.interlend.copying.CopyingProperties;
import org.interlend.copying.ScanFiles;
import org.interlend.storage.DocumentStore;
import org.interlend.workflows.ProcessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;

/**
 * The corpus of bad uploads, made by the test itself: each is refused with its own reason, as a
 * result (never an exception) of the validation step that validate-scan runs.
 */
class ScanCorpusTest extends ProcessTest {

  @Autowired DocumentStore store;
  @Autowired org.interlend.documents.Documents documents;
  @Autowired JdbcTemplate jdbc;

  /** The real store with a small size limit (interlend.copying.max-scan-size=64KB). */
  ScanFiles scans() {
    CopyingProperties d = CopyingProperties.defaults();
    return new ScanFiles(
        store,
        documents,
        new CopyingProperties(
            d.downloadDays(),
            d.maxDownloads(),
            d.linkSeconds(),
            d.maxArticlesPerIssue(),
            d.maxChaptersPerWork(),
            d.maxPercentOfWork(),
            null,
            DataSize.ofKilobytes(64),
            d.pageTolerance()));
  }

  String problem(String name, byte[] bytes, Integer expectedPages) {
    CopyFixtures fixtures = new CopyFixtures(jdbc, store);
    String key = fixtures.upload(name, bytes);
    ScanFiles.Outcome outcome =
        scans()
            .prepare(stored(key), expectedPages, "scans/corpus/" + CopyFixtures.suffix() + ".pdf");
    assertThat(outcome.ok()).as(name + " is refused").isFalse();
    return outcome.problem().code() + ": " + outcome.problem().message();
  }

  @Test
  void everyBadFileIsRefusedWithItsOwnReason() throws Exception {
    byte[] good = CopyFixtures.pdf(5);
    assertThat(problem("truncated.pdf", Arrays.copyOf(good, good.length / 2), 5))
        .startsWith("UNREADABLE")
        .contains("incomplete");
    assertThat(problem("encrypted.pdf", encrypted(), 2)).startsWith("ENCRYPTED");
    assertThat(problem("photo.pdf", CopyFixtures.image("jpg", 1), 1))
        .startsWith("NOT_PDF")
        .contains("image/jpeg");
    assertThat(problem("empty.pdf", CopyFixtures.pdf(0), null)).startsWith("NO_PAGES");
    assertThat(problem("archive.pdf", zip(), 1)).startsWith("NOT_PDF").contains("zip");
    assertThat(
            problem(
                "page.pdf",
                "<!DOCTYPE html><html><body>scan</body></html>".getBytes(StandardCharsets.UTF_8),
                1))
        .startsWith("NOT_PDF")
        .contains("html");
    assertThat(problem("huge.pdf", CopyFixtures.pdf(400), null)).startsWith("TOO_LARGE");
    assertThat(problem("zero.pdf", new byte[0], null)).startsWith("EMPTY");
    assertThat(problem("short.pdf", good, 20)).startsWith("PAGE_COUNT");
    assertThat(
            problem("notimage.png", "GIF89a not really".getBytes(StandardCharsets.US_ASCII), null))
        .startsWith("NOT_IMAGE");
  }

  @Test
  void mixedOrMissingUploadsAreRefusedToo() {
    CopyFixtures fixtures = new CopyFixtures(jdbc, store);
    String pdf = fixtures.upload("a.pdf", CopyFixtures.pdf(1));
    String jpg = fixtures.upload("b.jpg", CopyFixtures.image("jpg", 1));
    assertThat(scans().prepare(stored(pdf, jpg), null, "scans/x.pdf").problem().code())
        .isEqualTo("MIXED");
    assertThat(scans().prepare(stored(), null, "scans/x.pdf").problem().code())
        .isEqualTo("NO_FILE");
    assertThat(
            scans()
                .prepare(stored("uploads/test/none/gone.pdf"), null, "scans/x.pdf")
                .problem()
                .code())
        .isEqualTo("MISSING");
  }

  @Test
  void aGoodPdfIsAcceptedAsItIs() {
    CopyFixtures fixtures = new CopyFixtures(jdbc, store);
    String pdf = fixtures.upload("good.pdf", CopyFixtures.pdf(4));
    ScanFiles.Outcome outcome = scans().prepare(stored(pdf), 4, "scans/unused.pdf");
    assertThat(outcome.ok()).isTrue();
    assertThat(outcome.prepared().scanKey()).isEqualTo(pdf);
    assertThat(outcome.prepared().pages()).isEqualTo(4);
    assertThat(store.stat("scans/unused.pdf")).isEmpty();
  }

  static byte[] encrypted() throws IOException {
    try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(CopyFixtures.pdf(2));
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      StandardProtectionPolicy policy =
          new StandardProtectionPolicy("owner", "secret", new AccessPermission());
      policy.setEncryptionKeyLength(128);
      document.protect(policy);
      document.save(out);
      return out.toByteArray();
    }
  }

  static byte[] zip() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("scan.pdf"));
      zip.write(CopyFixtures.pdf(1));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  static List<org.interlend.copying.Upload> stored(String... keys) {
    return java.util.Arrays.stream(keys)
        .<org.interlend.copying.Upload>map(org.interlend.copying.Upload.Stored::new)
        .toList();
  }
}

package org.interlend.copying.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;
import org.interlend.copying.scan.ScanCheck.Accepted;
import org.interlend.copying.scan.ScanCheck.Reason;
import org.interlend.copying.scan.ScanCheck.Rejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanValidatorTest {

  private static final ScanRules RULES = ScanRules.defaults();

  @TempDir Path dir;

  @Test
  void acceptsAGoodPdf() throws IOException {
    Path pdf = ScanFixtures.textPdf(dir.resolve("scan.pdf"), 5);

    ScanCheck check = ScanValidator.validate(pdf, 5, RULES);

    assertThat(check.ok()).isTrue();
    assertThat(check.code()).isEqualTo("OK");
    assertThat(check).isEqualTo(new Accepted(5, Files.size(pdf)));
  }

  @Test
  void acceptsPageCountsWithinTheToleranceAndAnyCountWhenNoneIsExpected() throws IOException {
    Path pdf = ScanFixtures.textPdf(dir.resolve("scan.pdf"), 5);

    assertThat(ScanValidator.validate(pdf, 3, RULES).ok()).isTrue();
    assertThat(ScanValidator.validate(pdf, 7, RULES).ok()).isTrue();
    assertThat(ScanValidator.validate(pdf, ScanValidator.ANY_PAGE_COUNT, RULES).ok()).isTrue();
    assertThat(ScanValidator.validate(pdf, 8, RULES).ok()).isFalse();
    assertThat(ScanValidator.validate(pdf, 5, RULES.withPageTolerance(0)).ok()).isTrue();
    assertThat(ScanValidator.validate(pdf, 6, RULES.withPageTolerance(0)).ok()).isFalse();
  }

  @Test
  void rejectsTheWrongNumberOfPages() throws IOException {
    Path pdf = ScanFixtures.textPdf(dir.resolve("scan.pdf"), 3);

    assertRejected(
        ScanValidator.validate(pdf, 12, RULES),
        Reason.PAGE_COUNT,
        "12 pages",
        "10 to 14",
        "has 3 pages");
  }

  @Test
  void rejectsAnEmptyFile() throws IOException {
    Path empty = Files.createFile(dir.resolve("scan.pdf"));

    assertRejected(ScanValidator.validate(empty, 1, RULES), Reason.EMPTY, "empty");
  }

  @Test
  void rejectsAFileOverTheSizeLimit() throws IOException {
    Path pdf = ScanFixtures.textPdf(dir.resolve("scan.pdf"), 2);
    long size = Files.size(pdf);

    assertRejected(
        ScanValidator.validate(pdf, 2, RULES.withMaxBytes(size - 1)), Reason.TOO_LARGE, "limit");
    assertThat(ScanValidator.validate(pdf, 2, RULES.withMaxBytes(size)).ok()).isTrue();
  }

  @Test
  void rejectsAPdfWithMorePagesThanTheLimitWhateverWasRequested() throws IOException {
    Path pdf = ScanFixtures.textPdf(dir.resolve("scan.pdf"), 5);

    assertRejected(
        ScanValidator.validate(pdf, ScanValidator.ANY_PAGE_COUNT, RULES.withMaxPages(4)),
        Reason.TOO_LARGE,
        "5 pages",
        "limit is 4");
    assertThat(ScanValidator.validate(pdf, 5, RULES.withMaxPages(5)).ok()).isTrue();
  }

  @Test
  void rejectsAJpegNamedPdf() throws IOException {
    Path jpeg = ScanFixtures.jpeg(dir.resolve("scan.pdf"), 120, 170);

    assertRejected(ScanValidator.validate(jpeg, 1, RULES), Reason.NOT_PDF, "image/jpeg");
  }

  @Test
  void rejectsAZipNamedPdf() throws IOException {
    Path zip = ScanFixtures.zip(dir.resolve("scan.pdf"));

    assertRejected(ScanValidator.validate(zip, 2, RULES), Reason.NOT_PDF, "application/zip");
  }

  @Test
  void rejectsHtmlNamedPdf() throws IOException {
    Path html = ScanFixtures.html(dir.resolve("scan.pdf"));

    assertRejected(ScanValidator.validate(html, 1, RULES), Reason.NOT_PDF, "text/html");
  }

  @Test
  void detectsByContentNotByName() throws IOException {
    byte[] noise = new byte[4096];
    new Random(7).nextBytes(noise);
    noise[0] = 0x01; // no known magic
    Path unknown = Files.write(dir.resolve("scan.pdf"), noise);
    Path realPdfOddName = ScanFixtures.textPdf(dir.resolve("scan.jpg"), 1);

    assertRejected(
        ScanValidator.validate(unknown, 1, RULES), Reason.NOT_PDF, "application/octet-stream");
    assertThat(ScanValidator.validate(realPdfOddName, 1, RULES).ok()).isTrue();
  }

  @Test
  void rejectsAPasswordProtectedPdf() throws IOException {
    Path pdf = ScanFixtures.encryptedPdf(dir.resolve("scan.pdf"), "user-secret");

    assertRejected(ScanValidator.validate(pdf, 2, RULES), Reason.ENCRYPTED, "password");
  }

  @Test
  void acceptsAPdfRestrictedOnlyByAnOwnerPassword() throws IOException {
    Path pdf = ScanFixtures.encryptedPdf(dir.resolve("scan.pdf"), "");

    // It opens without a password in every viewer; the copy is delivered decrypted.
    assertThat(ScanValidator.validate(pdf, 2, RULES)).isEqualTo(new Accepted(2, Files.size(pdf)));
  }

  @Test
  void acceptsACompletePdfWithoutAnEndOfFileMarker() throws IOException {
    Path good = ScanFixtures.textPdf(dir.resolve("good.pdf"), 3);
    String text = Files.readString(good, StandardCharsets.ISO_8859_1);
    Path pdf =
        Files.writeString(
            dir.resolve("scan.pdf"),
            text.substring(0, text.lastIndexOf("%%EOF")),
            StandardCharsets.ISO_8859_1);

    assertThat(ScanValidator.validate(pdf, 3, RULES).ok()).isTrue();
  }

  @Test
  void acceptsJunkBeforeTheHeaderAsViewersDo() throws IOException {
    Path good = ScanFixtures.textPdf(dir.resolve("good.pdf"), 2);
    byte[] bytes = Files.readAllBytes(good);
    byte[] junk = "\r\n\r\n<!-- proxy -->\r\n".getBytes(StandardCharsets.US_ASCII);
    byte[] both = new byte[junk.length + bytes.length];
    System.arraycopy(junk, 0, both, 0, junk.length);
    System.arraycopy(bytes, 0, both, junk.length, bytes.length);
    Path pdf = Files.write(dir.resolve("scan.pdf"), both);

    assertThat(ScanValidator.validate(pdf, 2, RULES).ok()).isTrue();
  }

  @Test
  void rejectsAPdfWhosePagesUseObjectsThatAreNotInTheFile() throws IOException {
    Path pdf =
        Files.writeString(
            dir.resolve("scan.pdf"),
            """
                %PDF-1.7
                1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
                2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
                3 0 obj << /Type /Page /MediaBox [0 0 595 842] /Contents 9 0 R >> endobj
                trailer << /Root 1 0 R /Size 10 >>
                %%EOF
                """,
            StandardCharsets.US_ASCII);

    assertRejected(
        ScanValidator.validate(pdf, 1, RULES),
        Reason.UNREADABLE,
        "page 1 uses an object (number 9)",
        "not in the file");
  }

  @Test
  void rejectsATruncatedPdf() throws IOException {
    Path good = ScanFixtures.textPdf(dir.resolve("good.pdf"), 4);
    Path cut = ScanFixtures.truncated(good, dir.resolve("scan.pdf"), 0.6);

    assertRejected(
        ScanValidator.validate(cut, 4, RULES),
        Reason.UNREADABLE,
        "incomplete",
        "cut off during upload");
  }

  @Test
  void rejectsAPdfThatDoesNotParse() throws IOException {
    Path garbage =
        Files.writeString(
            dir.resolve("scan.pdf"),
            "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R\nthis is not a PDF body\n%%EOF\n",
            StandardCharsets.US_ASCII);

    assertRejected(
        ScanValidator.validate(garbage, 1, RULES), Reason.UNREADABLE, "could not be read");
  }

  @Test
  void rejectsAPdfWithoutPages() throws IOException {
    Path pdf = ScanFixtures.zeroPagePdf(dir.resolve("scan.pdf"));

    assertRejected(ScanValidator.validate(pdf, 1, RULES), Reason.NO_PAGES, "no pages");
  }

  @Test
  void throwsOnlyWhenTheFileIsMissing() {
    assertThatThrownBy(() -> ScanValidator.validate(dir.resolve("missing.pdf"), 1, RULES))
        .isInstanceOf(NoSuchFileException.class);
  }

  private static void assertRejected(ScanCheck check, Reason reason, String... messageParts) {
    assertThat(check.ok()).isFalse();
    assertThat(check.code()).isEqualTo(reason.name());
    assertThat(check)
        .asInstanceOf(type(Rejected.class))
        .satisfies(
            rejected -> {
              assertThat(rejected.reason()).isEqualTo(reason);
              assertThat(rejected.message()).contains(messageParts);
            });
  }
}

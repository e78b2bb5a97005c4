package org.interlend.copying.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.interlend.copying.scan.CopyInspector.Grey;
import org.interlend.copying.scan.HostileCorpus.Case;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of the {@link HostileCorpus} goes through {@link ScanValidator} and {@link
 * Watermarker} as the delivery does. Each is refused with its own reason, or delivered as a copy
 * that (a) qpdf finds clean, (b) shows the mark on every page, as text and as pixels, (c) starts
 * with the cover, (d) has nothing active or hidden, and (e) is no larger than the upload allows.
 */
class HostileCorpusTest {

  private static final WatermarkText TEXT =
      WatermarkText.hongKong("ILL-2026-000123", "P-4711", LocalDate.of(2026, 11, 22));

  @TempDir Path dir;

  static List<Case> corpus() {
    return HostileCorpus.cases();
  }

  static List<Case> delivered() {
    return HostileCorpus.cases().stream().filter(Case::delivered).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void isRefusedWithItsOwnReasonOrDeliveredClean(Case c) throws Exception {
    Path scan = Files.write(dir.resolve(c.name()), c.pdf());
    Path copy = dir.resolve("copy.pdf");

    ScanCheck check =
        ScanValidator.validate(scan, ScanValidator.ANY_PAGE_COUNT, ScanRules.defaults());
    WatermarkResult result = null;
    ScanCheck.Rejected refusal = check instanceof ScanCheck.Rejected r ? r : null;
    if (refusal == null) {
      if (c.delivered()) {
        assertThat(((ScanCheck.Accepted) check).pages())
            .as("pages found by the validator")
            .isEqualTo(c.pages());
      }
      try {
        result = Watermarker.watermark(scan, copy, TEXT);
      } catch (UnusableScanException e) {
        refusal = new ScanCheck.Rejected(e.reason(), e.getMessage());
        assertThat(copy).as("nothing is left of a refused copy").doesNotExist();
      }
    }

    if (!c.delivered()) {
      assertThat(refusal).as("%s is refused", c.name()).isNotNull();
      assertThat(refusal.reason()).as("reason: %s", refusal.message()).isEqualTo(c.refusal());
      if (c.message() != null) {
        assertThat(refusal.message()).contains(c.message());
      }
      assertThat(refusal.message()).as("tells staff what to do").containsIgnoringCase("please");
      return;
    }
    if (refusal != null) {
      fail("%s was refused: %s %s", c.name(), refusal.reason(), refusal.message());
    }
    assertThat(result.originalPages()).isEqualTo(c.pages());
    assertThat(result.pages()).isEqualTo(c.pages() + 1);
    assertThat(result.bytes())
        .as("(e) size bounded")
        .isEqualTo(Files.size(copy))
        .isLessThanOrEqualTo(
            c.pdf().length + Watermarker.FIXED_ALLOWANCE + Watermarker.PAGE_ALLOWANCE * c.pages());
    CopyInspector.assertClean(copy, HostileCorpus.SECRETS);
    try (PDDocument document = Loader.loadPDF(copy.toFile());
        PDDocument source = Loader.loadPDF(scan.toFile())) {
      assertThat(document.getNumberOfPages()).isEqualTo(c.pages() + 1);
      assertThat(CopyInspector.pageText(document, 1))
          .as("(c) cover first")
          .contains("Copyright notice", "Request: ILL-2026-000123", "Patron: P-4711");
      boolean samePages =
          source.getNumberOfPages() == c.pages(); // PDFBox trusts /Parent and /Count
      for (int page = 2; page <= document.getNumberOfPages(); page++) {
        String text = CopyInspector.pageText(document, page);
        assertThat(text).as("(b) footer text on page %d", page).contains(TEXT.footer());
        if (samePages) {
          assertThat(text)
              .as("the scan's own text on page %d", page)
              .contains(CopyInspector.pageText(source, page - 1).strip());
        }
      }
    }
    assertThat(ScanValidator.validate(copy, c.pages() + 1, ScanRules.defaults()).ok())
        .as("the copy is itself a valid scan")
        .isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("delivered")
  void deliveredCopiesPassQpdfAndPopplerShowsTheMark(Case c) throws Exception {
    assumeTrue(CopyInspector.haveTools(), CopyInspector.TOOLS_MISSING);
    Path scan = Files.write(dir.resolve(c.name()), c.pdf());
    Path copy = dir.resolve("copy.pdf");
    Watermarker.watermark(scan, copy, TEXT);

    CopyInspector.assertQpdfClean(copy);
    assertThat(CopyInspector.popplerText(copy, 1))
        .as("(c) cover first")
        .contains("Copyright notice");
    for (int page = 2; page <= c.pages() + 1; page++) {
      assertThat(CopyInspector.popplerText(copy, page))
          .as("(b) footer text on page %d", page)
          .contains(TEXT.footer());
      Grey image = CopyInspector.render(copy, page, dir);
      CopyInspector.assertFooterVisible(image, c.name() + " page " + page);
    }
  }
}

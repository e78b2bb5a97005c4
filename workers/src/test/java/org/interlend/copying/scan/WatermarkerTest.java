package org.interlend.copying.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WatermarkerTest {

  private static final WatermarkText TEXT =
      WatermarkText.hongKong("ILL-2026-000123", "P-4711", LocalDate.of(2026, 11, 22));

  @TempDir Path dir;

  @Test
  void addsACoverPageAndAFooterOnEveryOriginalPage() throws Exception {
    Path scan = ScanFixtures.textPdf(dir.resolve("scan.pdf"), 3);
    Path copy = dir.resolve("copy.pdf");

    WatermarkResult result = Watermarker.watermark(scan, copy, TEXT);

    assertThat(result.originalPages()).isEqualTo(3);
    assertThat(result.pages()).isEqualTo(4);
    try (PDDocument document = Loader.loadPDF(copy.toFile())) {
      assertThat(document.getNumberOfPages()).isEqualTo(4);

      String cover = pageText(document, 1);
      assertThat(cover)
          .contains(
              "Copyright notice",
              "Copyright Ordinance (Cap. 528)",
              "research or private study",
              "Request: ILL-2026-000123",
              "Patron: P-4711",
              "Date supplied: 2026-11-22",
              "Pages supplied: 3");

      for (int original = 1; original <= 3; original++) {
        String page = pageText(document, original + 1);
        assertThat(page)
            .as("page %d of the scan", original)
            .contains(
                "Supplied for research or private study only. Request ILL-2026-000123, "
                    + "patron P-4711, 2026-11-22");
        // and nothing else: the diagonal mark is drawn as outlines, to keep it out of copied text
        assertThat(page.strip()).isEqualTo("Original page " + original + " " + TEXT.footer());
      }
    }
  }

  @Test
  void reportsTheSizeAndHashOfWhatItWrote() throws Exception {
    Path scan = ScanFixtures.textPdf(dir.resolve("scan.pdf"), 2);
    Path copy = dir.resolve("copy.pdf");

    WatermarkResult result = Watermarker.watermark(scan, copy, TEXT);

    byte[] written = Files.readAllBytes(copy);
    assertThat(result.bytes()).isEqualTo(written.length);
    assertThat(result.sha256())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(written)));
  }

  @Test
  void rewritesTheWholeFileSoTheUnmarkedScanCannotBeRecovered() throws Exception {
    Path scan = ScanFixtures.textPdf(dir.resolve("scan.pdf"), 2);
    Path copy = dir.resolve("copy.pdf");

    Watermarker.watermark(scan, copy, TEXT);

    String bytes = new String(Files.readAllBytes(copy), StandardCharsets.ISO_8859_1);
    assertThat(bytes.split("%%EOF", -1)).as("one %%EOF: no incremental update").hasSize(2);
  }

  /**
   * The footer must sit at the bottom of the page as displayed, upright, inside the crop box,
   * whatever the page's /Rotate. Rendering shows the page as a reader sees it.
   */
  @ParameterizedTest
  @ValueSource(ints = {0, 90, 180, 270})
  void putsTheFooterAtTheBottomOfThePageAsDisplayed(int rotation) throws Exception {
    Path scan = dir.resolve("rotated.pdf");
    PDRectangle mediaBox = new PDRectangle(0, 0, 700, 900);
    PDRectangle cropBox = new PDRectangle(40, 60, 595, 842);
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage(mediaBox);
      page.setCropBox(cropBox);
      page.setRotation(rotation);
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        // Leaves the graphics state scaled and the fill colour white, without q/Q:
        // the marks must not inherit either.
        content.transform(Matrix.getScaleInstance(3, 3));
        content.setNonStrokingColor(1f);
      }
      document.save(scan.toFile());
    }
    Path copy = dir.resolve("copy.pdf");

    Watermarker.watermark(scan, copy, TEXT);

    try (PDDocument document = Loader.loadPDF(copy.toFile())) {
      BufferedImage image = new PDFRenderer(document).renderImage(1, 1f);
      boolean sideways = rotation == 90 || rotation == 270;
      assertThat(image.getWidth()).isCloseTo(sideways ? 842 : 595, within(3));
      assertFooterAtTheBottom(image);
      assertFaintMarkInTheMiddle(image);
      assertThat(pageText(document, 2)).contains("Request ILL-2026-000123");
    }
  }

  @Test
  void marksPagesOfDifferentSizesEachToItsOwnSize() throws Exception {
    Path scan = dir.resolve("mixed.pdf");
    try (PDDocument document = new PDDocument()) {
      // blank pages: any dark pixel is the footer
      for (PDRectangle size :
          List.of(
              PDRectangle.A4, PDRectangle.A4, PDRectangle.LETTER, PDRectangle.A5, PDRectangle.A4)) {
        PDPage page = new PDPage(size);
        page.setRotation(size == PDRectangle.A5 ? 90 : 0);
        document.addPage(page);
      }
      document.save(scan.toFile());
    }
    Path copy = dir.resolve("copy.pdf");

    Watermarker.watermark(scan, copy, TEXT);

    try (PDDocument document = Loader.loadPDF(copy.toFile())) {
      PDFRenderer renderer = new PDFRenderer(document);
      for (int i = 1; i < document.getNumberOfPages(); i++) {
        BufferedImage image = renderer.renderImage(i, 1f);
        assertFooterAtTheBottom(image);
        assertFaintMarkInTheMiddle(image);
      }
    }
  }

  /**
   * The scan's content and the mark are one stream per page, and the mark's font and graphics
   * states are direct objects of the page: no object is shared between the pages' marks.
   */
  @Test
  void drawsTheScanAndTheMarkInOneStreamPerPage() throws Exception {
    Path scan = ScanFixtures.textPdf(dir.resolve("scan.pdf"), 3);
    Path copy = dir.resolve("copy.pdf");

    Watermarker.watermark(scan, copy, TEXT);

    String footerHex = HexFormat.of().formatHex(TEXT.footer().getBytes(StandardCharsets.US_ASCII));
    Set<Object> streams = new HashSet<>();
    try (PDDocument document = Loader.loadPDF(copy.toFile())) {
      for (int i = 1; i < document.getNumberOfPages(); i++) {
        COSDictionary page = document.getPage(i).getCOSObject();
        assertThat(page.getItem(COSName.CONTENTS)).isInstanceOf(COSObject.class);
        COSStream content = (COSStream) page.getDictionaryObject(COSName.CONTENTS);
        streams.add(key(page.getItem(COSName.CONTENTS)));
        String operators;
        try (InputStream in = content.createInputStream()) {
          operators = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        assertThat(operators).contains("(Original page " + i + ") Tj", footerHex);
        assertThat(operators.indexOf("Original page"))
            .as("the scan first, then the mark")
            .isLessThan(operators.indexOf(footerHex));
        COSDictionary resources = page.getCOSDictionary(COSName.RESOURCES);
        assertThat(page.getItem(COSName.RESOURCES))
            .as("resources")
            .isInstanceOf(COSDictionary.class);
        assertThat(
                resources
                    .getCOSDictionary(COSName.FONT)
                    .getItem(COSName.getPDFName("InterlendFont")))
            .as("the mark's font")
            .isInstanceOf(COSDictionary.class);
        assertThat(
                resources
                    .getCOSDictionary(COSName.EXT_G_STATE)
                    .getItem(COSName.getPDFName("InterlendBand")))
            .as("the band's graphics state")
            .isInstanceOf(COSDictionary.class);
      }
    }
    assertThat(streams).as("one stream per page").hasSize(3);
  }

  /**
   * Blanking any one object of the copy (as an editor would to strip a shared stamp) never gives a
   * page that shows the scan without the mark: either the mark stays, or the scan goes too.
   */
  @Test
  void theMarkSurvivesTheRemovalOfAnySingleObject() throws Exception {
    Path scan = dir.resolve("scan.pdf");
    try (PDDocument document = new PDDocument()) {
      ScanFixtures.addTextPages(document, 2, PDRectangle.A4, 0);
      PDPage imagePage = new PDPage(PDRectangle.A4);
      document.addPage(imagePage);
      PDImageXObject image =
          JPEGFactory.createFromByteArray(document, ScanFixtures.jpegBytes(120, 170));
      try (PDPageContentStream content = new PDPageContentStream(document, imagePage)) {
        content.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
      }
      document.save(scan.toFile());
    }
    Path copy = dir.resolve("copy.pdf");
    Watermarker.watermark(scan, copy, TEXT);

    List<COSObjectKey> keys;
    try (PDDocument document = Loader.loadPDF(copy.toFile())) {
      keys = List.copyOf(document.getDocument().getXrefTable().keySet());
    }
    assertThat(keys.size()).isGreaterThan(10);
    int checked = 0;
    for (COSObjectKey key : keys) {
      try (PDDocument document = Loader.loadPDF(copy.toFile())) {
        document.getDocument().getObjectFromPool(key).setToNull();
        if (document.getDocumentCatalog().getCOSObject().getDictionaryObject(COSName.PAGES)
            == null) {
          continue; // no pages at all
        }
        PDFRenderer renderer = new PDFRenderer(document);
        for (int i = 1; i < document.getNumberOfPages(); i++) {
          String text = pageText(document, i + 1);
          boolean scanShows =
              text.contains("Original page") || (i == 3 && hasImagePixels(renderer, i));
          if (scanShows) {
            assertThat(text).as("page %d without object %s", i + 1, key).contains(TEXT.footer());
            checked++;
          }
        }
      }
    }
    assertThat(checked).as("pages that still showed the scan").isGreaterThan(keys.size());
  }

  private static boolean hasImagePixels(PDFRenderer renderer, int page) throws IOException {
    BufferedImage image = renderer.renderImage(page, 0.25f);
    int[] rgb =
        image.getRGB(0, image.getHeight() / 3, image.getWidth(), 1, null, 0, image.getWidth());
    for (int pixel : rgb) {
      int grey = ((pixel >> 16 & 0xff) + (pixel >> 8 & 0xff) + (pixel & 0xff)) / 3;
      if (grey < 150) {
        return true; // a dark line of the page image
      }
    }
    return false;
  }

  @Test
  void numbersTheObjectsOfTheCopyCompactly() throws Exception {
    Path scan =
        Files.write(
            dir.resolve("scan.pdf"),
            new RawPdf()
                    .object(1, "<< /Type /Catalog /Pages 2 0 R >>")
                    .object(2, "<< /Type /Pages /Kids [8000000 0 R] /Count 1 >>")
                    .object(
                        8_000_000,
                        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 8000001 0 R >>")
                    .stream(8_000_001, "", "0 0 1 rg 72 72 100 100 re f")
                    .bytes());
    Path copy = dir.resolve("copy.pdf");

    WatermarkResult result = Watermarker.watermark(scan, copy, TEXT);

    assertThat(result.bytes())
        .as("a few kilobytes, not 160 MB of free entries")
        .isLessThan(32 * 1024);
    try (PDDocument document = Loader.loadPDF(copy.toFile())) {
      assertThat(document.getDocument().getXrefTable().keySet())
          .allSatisfy(key -> assertThat(key.getNumber()).isLessThan(20));
    }
  }

  @Test
  void refusesTextHelveticaCannotShowBeforeWritingAnything() throws Exception {
    Path scan = ScanFixtures.textPdf(dir.resolve("scan.pdf"), 1);
    Path copy = dir.resolve("copy.pdf");
    WatermarkText chinese =
        new WatermarkText("ILL-1", "P-1", LocalDate.of(2026, 1, 2), "只供研究或私人研習之用");

    assertThatThrownBy(() -> Watermarker.watermark(scan, copy, chinese))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cover notice");
    assertThat(copy).doesNotExist();
  }

  @Test
  void watermarksAScanMadeFromImages() throws Exception {
    Path first = ScanFixtures.jpeg(dir.resolve("p1.jpg"), 248, 351);
    Path second = ScanFixtures.png(dir.resolve("p2.png"), 248, 351);
    Path scan = dir.resolve("scan.pdf");
    ImagesToPdf.combine(List.of(first, second), scan);
    Path copy = dir.resolve("copy.pdf");

    WatermarkResult result = Watermarker.watermark(scan, copy, TEXT);

    assertThat(result.pages()).isEqualTo(3);
    assertThat(ScanValidator.validate(copy, 3, ScanRules.defaults()).ok()).isTrue();
    try (PDDocument document = Loader.loadPDF(copy.toFile())) {
      assertThat(pageText(document, 2)).contains(TEXT.footer());
      assertThat(pageText(document, 3)).contains(TEXT.footer());
    }
  }

  private static String pageText(PDDocument document, int page) throws Exception {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setStartPage(page);
    stripper.setEndPage(page);
    return stripper.getText(document).replaceAll("\\s+", " ");
  }

  private static Object key(COSBase item) {
    assertThat(item).as("shared objects are indirect").isInstanceOf(COSObject.class);
    return ((COSObject) item).getKey();
  }

  /** The diagonal: light grey, crossing the middle of the page. */
  private static void assertFaintMarkInTheMiddle(BufferedImage image) {
    int faint = 0;
    int dark = 0;
    for (int y = image.getHeight() / 3; y < image.getHeight() * 2 / 3; y++) {
      for (int x = image.getWidth() / 3; x < image.getWidth() * 2 / 3; x++) {
        int rgb = image.getRGB(x, y);
        int grey = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
        if (grey < 200) {
          dark++;
        } else if (grey < 250) {
          faint++;
        }
      }
    }
    assertThat(faint).as("faint pixels in the middle third").isGreaterThan(500);
    assertThat(dark).as("dark pixels in the middle third").isZero();
  }

  /** The footer is the only dark thing on the page (the diagonal mark is too faint). */
  private static void assertFooterAtTheBottom(BufferedImage image) {
    int first = -1;
    int last = -1;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int grey = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
        if (grey < 100) {
          if (first < 0) {
            first = y;
          }
          last = y;
          break;
        }
      }
    }
    assertThat(first).as("first dark row").isGreaterThan(image.getHeight() - 30);
    assertThat(last).as("last dark row").isLessThan(image.getHeight() - 8);
  }
}

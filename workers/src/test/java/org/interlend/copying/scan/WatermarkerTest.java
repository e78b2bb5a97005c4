package org.interlend.copying.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WatermarkerTest {

    private static final WatermarkText TEXT = WatermarkText.hongKong("ILL-2026-000123", "P-4711", LocalDate.of(2026, 11, 22));

    @TempDir
    Path dir;

    @Test
    void addsACoverPageAndAFooterOnEveryOriginalPage() throws IOException {
        Path scan = ScanFixtures.textPdf(dir.resolve("scan.pdf"), 3);
        Path copy = dir.resolve("copy.pdf");

        WatermarkResult result = Watermarker.watermark(scan, copy, TEXT);

        assertThat(result.originalPages()).isEqualTo(3);
        assertThat(result.pages()).isEqualTo(4);
        try (PDDocument document = Loader.loadPDF(copy.toFile())) {
            assertThat(document.getNumberOfPages()).isEqualTo(4);

            String cover = pageText(document, 1);
            assertThat(cover).contains("Copyright notice", "Copyright Ordinance (Cap. 528)",
                    "research or private study", "Request: ILL-2026-000123", "Patron: P-4711",
                    "Date supplied: 2026-11-22", "Pages supplied: 3");

            for (int original = 1; original <= 3; original++) {
                String page = pageText(document, original + 1);
                assertThat(page)
                        .as("page %d of the scan", original)
                        .contains("Original page " + original)
                        .contains("Supplied for research or private study only. Request ILL-2026-000123, "
                                + "patron P-4711, 2026-11-22")
                        // the diagonal mark too, though its widely spaced letters come out with gaps
                        .satisfies(text -> assertThat(text.replace(" ", ""))
                                .contains(Watermarker.DIAGONAL_TEXT.replace(" ", "")));
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
    void rewritesTheWholeFileSoTheUnmarkedScanCannotBeRecovered() throws IOException {
        Path scan = ScanFixtures.textPdf(dir.resolve("scan.pdf"), 2);
        Path copy = dir.resolve("copy.pdf");

        Watermarker.watermark(scan, copy, TEXT);

        String bytes = new String(Files.readAllBytes(copy), StandardCharsets.ISO_8859_1);
        assertThat(bytes.split("%%EOF", -1)).as("one %%EOF: no incremental update").hasSize(2);
    }

    @Test
    void sharesOneFontAndOneGraphicsStateAcrossPages() throws IOException {
        Path scan = ScanFixtures.textPdf(dir.resolve("scan.pdf"), 5);
        Path copy = dir.resolve("copy.pdf");

        Watermarker.watermark(scan, copy, TEXT);

        Set<Object> helveticas = new HashSet<>();
        Set<Object> graphicsStates = new HashSet<>();
        try (PDDocument document = Loader.loadPDF(copy.toFile())) {
            for (int i = 1; i < document.getNumberOfPages(); i++) {
                COSDictionary resources = document.getPage(i).getResources().getCOSObject();
                COSDictionary fonts = resources.getCOSDictionary(COSName.FONT);
                for (COSName name : fonts.keySet()) {
                    COSDictionary font = (COSDictionary) fonts.getDictionaryObject(name);
                    if ("Helvetica".equals(font.getNameAsString(COSName.BASE_FONT))) {
                        helveticas.add(key(fonts.getItem(name)));
                    }
                }
                COSDictionary states = resources.getCOSDictionary(COSName.EXT_G_STATE);
                for (COSName name : states.keySet()) {
                    graphicsStates.add(key(states.getItem(name)));
                }
            }
        }
        assertThat(helveticas).hasSize(1);
        assertThat(graphicsStates).hasSize(1);
    }

    /**
     * The footer must sit at the bottom of the page as displayed, upright, inside the crop box,
     * whatever the page's /Rotate. Rendering shows the page as a reader sees it.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 90, 180, 270})
    void putsTheFooterAtTheBottomOfThePageAsDisplayed(int rotation) throws IOException {
        Path scan = dir.resolve("rotated.pdf");
        PDRectangle mediaBox = new PDRectangle(0, 0, 700, 900);
        PDRectangle cropBox = new PDRectangle(40, 60, 595, 842);
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(mediaBox);
            page.setCropBox(cropBox);
            page.setRotation(rotation);
            document.addPage(page); // blank: any dark pixel is our footer
            document.save(scan.toFile());
        }
        Path copy = dir.resolve("copy.pdf");

        Watermarker.watermark(scan, copy, TEXT);

        try (PDDocument document = Loader.loadPDF(copy.toFile())) {
            BufferedImage image = new PDFRenderer(document).renderImage(1, 1f);
            boolean sideways = rotation == 90 || rotation == 270;
            assertThat(image.getWidth()).isCloseTo(sideways ? 842 : 595, within(3));
            int[] rows = darkRows(image);
            assertThat(rows[0]).as("first dark row").isGreaterThan(image.getHeight() - 30);
            assertThat(rows[1]).as("last dark row").isLessThan(image.getHeight() - 8);
            assertThat(pageText(document, 2)).contains("Request ILL-2026-000123");
        }
    }

    @Test
    void refusesTextHelveticaCannotShowBeforeWritingAnything() throws IOException {
        Path scan = ScanFixtures.textPdf(dir.resolve("scan.pdf"), 1);
        Path copy = dir.resolve("copy.pdf");
        WatermarkText chinese = new WatermarkText("ILL-1", "P-1", LocalDate.of(2026, 1, 2), "只供研究或私人研習之用");

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
        ImagesToPdf.combine(java.util.List.of(first, second), scan);
        Path copy = dir.resolve("copy.pdf");

        WatermarkResult result = Watermarker.watermark(scan, copy, TEXT);

        assertThat(result.pages()).isEqualTo(3);
        assertThat(ScanValidator.validate(copy, 3, ScanRules.defaults()).ok()).isTrue();
        try (PDDocument document = Loader.loadPDF(copy.toFile())) {
            assertThat(pageText(document, 2)).contains(TEXT.footer());
            assertThat(pageText(document, 3)).contains(TEXT.footer());
        }
    }

    private static String pageText(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document).replaceAll("\\s+", " ");
    }

    private static Object key(COSBase item) {
        assertThat(item).as("shared resources are indirect objects").isInstanceOf(COSObject.class);
        return ((COSObject) item).getKey();
    }

    /** First and last row holding a dark pixel (the footer; the diagonal mark is too faint). */
    private static int[] darkRows(BufferedImage image) {
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
        return new int[] {first, last};
    }
}

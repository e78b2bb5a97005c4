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
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.util.Matrix;
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
                        .contains("Supplied for research or private study only. Request ILL-2026-000123, "
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
    void rewritesTheWholeFileSoTheUnmarkedScanCannotBeRecovered() throws IOException {
        Path scan = ScanFixtures.textPdf(dir.resolve("scan.pdf"), 2);
        Path copy = dir.resolve("copy.pdf");

        Watermarker.watermark(scan, copy, TEXT);

        String bytes = new String(Files.readAllBytes(copy), StandardCharsets.ISO_8859_1);
        assertThat(bytes.split("%%EOF", -1)).as("one %%EOF: no incremental update").hasSize(2);
    }

    @Test
    void sharesTheAddedStreamsAndTheMarksFormAcrossPagesOfOneSize() throws IOException {
        Path scan = ScanFixtures.textPdf(dir.resolve("scan.pdf"), 5);
        Path copy = dir.resolve("copy.pdf");

        Watermarker.watermark(scan, copy, TEXT);

        Set<Object> saveStreams = new HashSet<>();
        Set<Object> drawStreams = new HashSet<>();
        Set<Object> forms = new HashSet<>();
        try (PDDocument document = Loader.loadPDF(copy.toFile())) {
            for (int i = 1; i < document.getNumberOfPages(); i++) {
                COSDictionary page = document.getPage(i).getCOSObject();
                COSArray contents = (COSArray) page.getDictionaryObject(COSName.CONTENTS);
                assertThat(contents.size()).as("q, the original stream, the marks").isEqualTo(3);
                saveStreams.add(key(contents.get(0)));
                drawStreams.add(key(contents.get(2)));
                COSDictionary xObjects = document.getPage(i).getResources().getCOSObject()
                        .getCOSDictionary(COSName.XOBJECT);
                forms.add(key(xObjects.getItem(COSName.getPDFName("InterlendMarks0"))));
            }
        }
        assertThat(saveStreams).hasSize(1);
        assertThat(drawStreams).hasSize(1);
        assertThat(forms).hasSize(1);
    }

    @Test
    void keepsTheOriginalContentStreamsUntouched() throws IOException {
        Path scan = ScanFixtures.textPdf(dir.resolve("scan.pdf"), 2);
        Path copy = dir.resolve("copy.pdf");
        byte[] before;
        try (PDDocument document = Loader.loadPDF(scan.toFile());
                InputStream in = document.getPage(1).getContents()) {
            before = in.readAllBytes();
        }

        Watermarker.watermark(scan, copy, TEXT);

        try (PDDocument document = Loader.loadPDF(copy.toFile())) {
            COSArray contents = (COSArray) document.getPage(2).getCOSObject().getDictionaryObject(COSName.CONTENTS);
            try (InputStream in = ((COSStream) contents.getObject(1)).createInputStream()) {
                assertThat(in.readAllBytes()).isEqualTo(before);
            }
        }
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
    void marksPagesOfDifferentSizesEachToItsOwnSize() throws IOException {
        Path scan = dir.resolve("mixed.pdf");
        try (PDDocument document = new PDDocument()) {
            // blank pages: any dark pixel is the footer
            for (PDRectangle size : List.of(PDRectangle.A4, PDRectangle.A4, PDRectangle.LETTER, PDRectangle.A5,
                    PDRectangle.A4)) {
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
            Set<Object> forms = new HashSet<>();
            for (int i = 1; i < document.getNumberOfPages(); i++) {
                assertFooterAtTheBottom(renderer.renderImage(i, 1f));
                COSDictionary xObjects = document.getPage(i).getResources().getCOSObject()
                        .getCOSDictionary(COSName.XOBJECT);
                for (COSName name : xObjects.keySet()) {
                    forms.add(key(xObjects.getItem(name)));
                }
            }
            assertThat(forms).as("one marks form per size and rotation").hasSize(3);
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

    private static String pageText(PDDocument document, int page) throws IOException {
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

package org.interlend.copying.scan;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;

/**
 * Makes the copy delivered to the patron: a cover page with the copyright notice, then every
 * page of the scan with a footer line and a faint diagonal mark.
 *
 * <p>The scan's own content streams are kept byte for byte; each page gets one more, appended,
 * content stream (the original is wrapped in {@code q ... Q} first). All pages share one font
 * and one transparency graphics state, so the copy is only a few hundred bytes per page larger.
 * The whole document is rewritten ({@code save}, not {@code saveIncremental}): an incremental
 * update would leave the unmarked scan readable by cutting the file at its first {@code %%EOF}.
 *
 * <p>Heap use does not grow with the scan: PDFBox reads the input from its file and spools new
 * streams to temporary files, and image data is copied from input to output in chunks.
 */
public final class Watermarker {

    static final String DIAGONAL_TEXT = "FOR RESEARCH OR PRIVATE STUDY ONLY";

    private static final float FOOTER_SIZE = 8f;
    private static final float FOOTER_MIN_SIZE = 4f;
    private static final float FOOTER_BASELINE = 14f;
    private static final float SIDE_MARGIN = 12f;
    /** Opacity of the diagonal mark: visible on white, the scan stays readable under it. */
    private static final float MARK_OPACITY = 0.18f;
    private static final float MARK_GREY = 0.45f;

    private static final float COVER_MARGIN = 72f;
    private static final float TITLE_SIZE = 16f;
    private static final float BODY_SIZE = 11f;
    private static final float BODY_LEADING = 15f;

    private Watermarker() {
    }

    /**
     * Writes the marked copy of {@code in} to {@code out} (replacing it) and computes its SHA-256
     * on the way out, so the caller need not read the file again.
     *
     * @throws IllegalArgumentException if {@code in} is encrypted (validate scans first) or the text
     *                                  cannot be set in Helvetica; nothing is written then
     * @throws IOException              if {@code in} cannot be read or parsed, or {@code out} written;
     *                                  a partly written {@code out} is deleted
     */
    public static WatermarkResult watermark(Path in, Path out, WatermarkText text) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(text, "text");
        try (PDDocument document = Loader.loadPDF(in.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
            if (document.isEncrypted()) {
                throw new IllegalArgumentException(in + " is encrypted; run ScanValidator before watermarking");
            }
            Marks marks = new Marks(document, text);
            int originalPages = document.getNumberOfPages();
            PDPage cover = coverPage(document, marks, originalPages);

            for (PDPage page : document.getPages()) {
                stamp(document, page, marks);
            }
            if (originalPages == 0) {
                document.addPage(cover);
            } else {
                document.getPages().insertBefore(cover, document.getPage(0));
            }
            if (document.getVersion() < 1.4f) {
                document.setVersion(1.4f); // transparency (ExtGState /ca) needs PDF 1.4
            }
            return save(document, out, originalPages);
        }
    }

    /** Font, graphics state and measured strings shared by every page of one document. */
    private static final class Marks {
        final WatermarkText text;
        final PDType1Font regular = new PDType1Font(FontName.HELVETICA);
        final PDType1Font bold = new PDType1Font(FontName.HELVETICA_BOLD);
        final PDExtendedGraphicsState faint = new PDExtendedGraphicsState();
        final String footer;
        /** Widths of one-point text, in user-space units. */
        final float footerWidth;
        final float diagonalWidth;

        Marks(PDDocument document, WatermarkText text) throws IOException {
            this.text = text;
            faint.setNonStrokingAlphaConstant(MARK_OPACITY);
            faint.setStrokingAlphaConstant(MARK_OPACITY);
            footer = text.footer();
            footerWidth = width(regular, footer, "footer");
            diagonalWidth = width(regular, DIAGONAL_TEXT, "diagonal mark");
        }
    }

    /**
     * Width of {@code s} at one point. PDFBox throws {@link IllegalArgumentException} for characters
     * the font's encoding lacks; we do this before any page is touched.
     */
    private static float width(PDType1Font font, String s, String what) throws IOException {
        try {
            return font.getStringWidth(s) / 1000f;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The " + what + " cannot be set in " + font.getName()
                    + " (WinAnsi characters only): " + e.getMessage(), e);
        }
    }

    private static void stamp(PDDocument document, PDPage page, Marks marks) throws IOException {
        PDRectangle box = page.getCropBox();
        int rotation = Math.floorMod(page.getRotation(), 360);
        boolean sideways = rotation == 90 || rotation == 270;
        // Size of the page as the reader sees it, after /Rotate.
        float width = sideways ? box.getHeight() : box.getWidth();
        float height = sideways ? box.getWidth() : box.getHeight();

        try (PDPageContentStream content = new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
            content.beginMarkedContent(COSName.ARTIFACT);
            content.transform(readerToUserSpace(box, rotation));
            drawDiagonal(content, marks, width, height);
            drawFooter(content, marks, width);
            content.endMarkedContent();
        }
    }

    /**
     * Maps coordinates with the origin at the bottom-left of the page as displayed (crop box,
     * after the clockwise /Rotate) to the page's user space.
     */
    static Matrix readerToUserSpace(PDRectangle box, int rotation) {
        float x = box.getLowerLeftX();
        float y = box.getLowerLeftY();
        return switch (rotation) {
            case 90 -> new Matrix(0, 1, -1, 0, x + box.getWidth(), y);
            case 180 -> new Matrix(-1, 0, 0, -1, x + box.getWidth(), y + box.getHeight());
            case 270 -> new Matrix(0, -1, 1, 0, x, y + box.getHeight());
            default -> Matrix.getTranslateInstance(x, y);
        };
    }

    private static void drawDiagonal(PDPageContentStream content, Marks marks, float width, float height)
            throws IOException {
        double angle = Math.atan2(height, width);
        float diagonal = (float) Math.hypot(width, height);
        float size = Math.max(6f, 0.6f * diagonal / marks.diagonalWidth);
        content.saveGraphicsState();
        content.setGraphicsStateParameters(marks.faint);
        content.setNonStrokingColor(MARK_GREY);
        content.beginText();
        content.setFont(marks.regular, size);
        content.setTextMatrix(Matrix.getRotateInstance(angle, width / 2, height / 2));
        content.newLineAtOffset(-marks.diagonalWidth * size / 2, -size * 0.35f);
        content.showText(DIAGONAL_TEXT);
        content.endText();
        content.restoreGraphicsState();
    }

    private static void drawFooter(PDPageContentStream content, Marks marks, float width) throws IOException {
        float size = FOOTER_SIZE;
        float available = width - 2 * SIDE_MARGIN;
        if (marks.footerWidth * size > available) {
            size = Math.max(FOOTER_MIN_SIZE, available / marks.footerWidth);
        }
        float textWidth = marks.footerWidth * size;
        content.setNonStrokingColor(0f);
        content.beginText();
        content.setFont(marks.regular, size);
        content.newLineAtOffset(Math.max(SIDE_MARGIN, (width - textWidth) / 2), FOOTER_BASELINE);
        content.showText(marks.footer);
        content.endText();
    }

    private static PDPage coverPage(PDDocument document, Marks marks, int originalPages) throws IOException {
        PDRectangle a4 = PDRectangle.A4;
        float lineWidth = a4.getWidth() - 2 * COVER_MARGIN;
        WatermarkText text = marks.text;

        List<String> body = new ArrayList<>();
        for (String paragraph : text.coverNotice().strip().split("\\R")) {
            if (!paragraph.isBlank()) {
                body.addAll(wrap(marks.regular, paragraph.strip(), BODY_SIZE, lineWidth));
                body.add("");
            }
        }
        body.add("Request: " + text.requestId());
        body.add("Patron: " + text.patronId());
        body.add("Date supplied: " + text.formattedDate());
        body.add("Pages supplied: " + originalPages + " (after this cover page)");

        float top = a4.getHeight() - COVER_MARGIN;
        float needed = TITLE_SIZE * 2 + body.size() * BODY_LEADING;
        if (needed > top - COVER_MARGIN) {
            throw new IllegalArgumentException("The cover notice does not fit on one page");
        }
        width(marks.bold, "Copyright notice", "cover title");
        for (String line : body) {
            width(marks.regular, line, "cover notice");
        }

        PDPage cover = new PDPage(a4);
        try (PDPageContentStream content = new PDPageContentStream(document, cover)) {
            content.beginText();
            content.setFont(marks.bold, TITLE_SIZE);
            content.newLineAtOffset(COVER_MARGIN, top - TITLE_SIZE);
            content.showText("Copyright notice");
            content.setFont(marks.regular, BODY_SIZE);
            content.setLeading(BODY_LEADING);
            content.newLineAtOffset(0, -TITLE_SIZE * 2);
            for (String line : body) {
                content.showText(line);
                content.newLine();
            }
            content.endText();
        }
        return cover;
    }

    /** Greedy word wrap; a single word longer than the line is left to overflow. */
    private static List<String> wrap(PDType1Font font, String paragraph, float size, float lineWidth)
            throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && width(font, candidate, "cover notice") * size > lineWidth) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static WatermarkResult save(PDDocument document, Path out, int originalPages) throws IOException {
        MessageDigest sha256 = sha256();
        boolean saved = false;
        try {
            try (OutputStream stream = new BufferedOutputStream(
                    new DigestOutputStream(Files.newOutputStream(out), sha256), 1 << 16)) {
                // No object streams: PDFBox 3.0.5 gets the xref /Size wrong with them (qpdf --check
                // warns), they save little here, and a classic xref table is written faster.
                document.save(stream, CompressParameters.NO_COMPRESSION);
            }
            saved = true;
        } finally {
            if (!saved) {
                Files.deleteIfExists(out);
            }
        }
        return new WatermarkResult(originalPages, document.getNumberOfPages(), Files.size(out),
                HexFormat.of().formatHex(sha256.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}

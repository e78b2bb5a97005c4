package org.interlend.copying.scan;

import java.awt.geom.AffineTransform;
import java.awt.geom.GeneralPath;
import java.awt.geom.PathIterator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.fontbox.FontBoxFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDFormContentStream;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;

/**
 * Makes the copy delivered to the patron: a cover page with the copyright notice, then every
 * page of the scan with a footer line and a faint diagonal mark.
 *
 * <p>The scan's own content streams are kept byte for byte. As with PDFBox's
 * {@code AppendMode.APPEND} with {@code resetContext}, each page's content becomes
 * {@code [q-stream, original streams..., mark-stream]}, so the marks are drawn in the page's
 * initial graphics state whatever the original leaves behind. Unlike a {@code PDPageContentStream}
 * per page, the two added streams are shared: the first is {@code q}, the second restores and
 * draws a form XObject holding the footer and the diagonal, one form per page geometry (crop box
 * and rotation). A scan's pages nearly all share one geometry, so the copy grows by a few hundred
 * bytes in all, and heap use does not grow with new streams per page (PDFBox holds a 4 KB buffer
 * for every stream it creates). Font and transparency state are shared too.
 *
 * <p>The whole document is rewritten ({@code save}, not {@code saveIncremental}): an incremental
 * update would leave the unmarked scan readable by cutting the file at its first {@code %%EOF}.
 * PDFBox reads the input from its file, image data is copied from input to output in chunks, and
 * new streams are spooled to temporary files: the heap holds only the document's object structure
 * (a few kilobytes a page), see {@code docs/benchmarks.md}.
 */
public final class Watermarker {

    static final String DIAGONAL_TEXT = "FOR RESEARCH OR PRIVATE STUDY ONLY";
    /** Resource names of the marks forms: {@code /InterlendMarks0}, {@code /InterlendMarks1}, ... */
    private static final String MARKS_PREFIX = "InterlendMarks";

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
                stamp(page, marks);
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

    /** Everything shared by the pages of one document. */
    private static final class Marks {
        final PDDocument document;
        final WatermarkText text;
        final PDType1Font regular = new PDType1Font(FontName.HELVETICA);
        final PDType1Font bold = new PDType1Font(FontName.HELVETICA_BOLD);
        final PDExtendedGraphicsState faint = new PDExtendedGraphicsState();
        final String footer;
        /** Widths of one-point text, in user-space units. */
        final float footerWidth;
        final float diagonalWidth;
        final GeneralPath diagonalOutline;
        /** "q": opens every page's content, so that the original content can be closed off. */
        final COSStream saveState;
        final Map<Geometry, Stamp> stamps = new HashMap<>();

        Marks(PDDocument document, WatermarkText text) throws IOException {
            this.document = document;
            this.text = text;
            faint.setNonStrokingAlphaConstant(MARK_OPACITY);
            faint.setStrokingAlphaConstant(MARK_OPACITY);
            footer = text.footer();
            footerWidth = width(regular, footer, "footer");
            diagonalWidth = width(regular, DIAGONAL_TEXT, "diagonal mark");
            diagonalOutline = outline(regular, DIAGONAL_TEXT);
            saveState = contentStream(document, "q\n");
        }
    }

    /** Visible area and rotation of a page: pages that share them share the marks. */
    private record Geometry(float x, float y, float width, float height, int rotation) {
        static Geometry of(PDPage page) {
            PDRectangle box = page.getCropBox();
            int rotation = Math.floorMod(page.getRotation(), 360);
            return new Geometry(box.getLowerLeftX(), box.getLowerLeftY(), box.getWidth(), box.getHeight(),
                    rotation % 90 == 0 ? rotation : 0);
        }

        boolean sideways() {
            return rotation == 90 || rotation == 270;
        }
    }

    /** The form XObject with the marks for one geometry, its resource name, and the stream that draws it. */
    private record Stamp(COSName name, PDFormXObject form, COSStream draw) {
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

    private static void stamp(PDPage page, Marks marks) throws IOException {
        Geometry geometry = Geometry.of(page);
        Stamp stamp = marks.stamps.get(geometry);
        if (stamp == null) {
            stamp = newStamp(geometry, marks);
            marks.stamps.put(geometry, stamp);
        }

        // Resource dictionaries may be shared between pages (directly or inherited from the page
        // tree); the name is unique to the geometry, so sharing does no harm.
        PDResources resources = page.getResources();
        if (resources == null) {
            resources = new PDResources();
            page.setResources(resources);
        }
        resources.put(stamp.name(), stamp.form());

        COSArray contents = new COSArray();
        contents.add(marks.saveState);
        COSBase original = page.getCOSObject().getItem(COSName.CONTENTS);
        COSBase resolved = original instanceof COSObject reference ? reference.getObject() : original;
        if (resolved instanceof COSArray streams) {
            for (int i = 0; i < streams.size(); i++) {
                contents.add(streams.get(i)); // as stored: indirect references stay references
            }
        } else if (original != null) {
            contents.add(original);
        }
        contents.add(stamp.draw());
        page.getCOSObject().setItem(COSName.CONTENTS, contents);
    }

    private static Stamp newStamp(Geometry geometry, Marks marks) throws IOException {
        // Size of the page as the reader sees it, after /Rotate.
        float width = geometry.sideways() ? geometry.height() : geometry.width();
        float height = geometry.sideways() ? geometry.width() : geometry.height();

        PDFormXObject form = new PDFormXObject(marks.document);
        form.setBBox(new PDRectangle(width, height));
        form.setMatrix(readerToUserSpace(geometry).createAffineTransform());
        form.setResources(new PDResources());
        try (PDFormContentStream content = new PDFormContentStream(form)) {
            content.beginMarkedContent(COSName.ARTIFACT);
            drawDiagonal(content, marks, width, height);
            drawFooter(content, marks, width);
            content.endMarkedContent();
        }
        compress(form.getCOSObject());
        COSName name = COSName.getPDFName(MARKS_PREFIX + marks.stamps.size());
        COSStream draw = contentStream(marks.document, "Q\n/" + name.getName() + " Do\n");
        return new Stamp(name, form, draw);
    }

    /** PDFormContentStream writes plain operators; the glyph outlines deflate to a third. */
    private static void compress(COSStream stream) throws IOException {
        byte[] operators;
        try (InputStream in = stream.createInputStream()) {
            operators = in.readAllBytes();
        }
        try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(operators);
        }
    }

    private static COSStream contentStream(PDDocument document, String operators) throws IOException {
        COSStream stream = document.getDocument().createCOSStream();
        try (OutputStream out = stream.createOutputStream()) {
            out.write(operators.getBytes(StandardCharsets.US_ASCII));
        }
        return stream;
    }

    /**
     * Maps coordinates with the origin at the bottom-left of the page as displayed (crop box,
     * after the clockwise /Rotate) to the page's user space.
     */
    private static Matrix readerToUserSpace(Geometry g) {
        return switch (g.rotation()) {
            case 90 -> new Matrix(0, 1, -1, 0, g.x() + g.width(), g.y());
            case 180 -> new Matrix(-1, 0, 0, -1, g.x() + g.width(), g.y() + g.height());
            case 270 -> new Matrix(0, -1, 1, 0, g.x(), g.y() + g.height());
            default -> Matrix.getTranslateInstance(g.x(), g.y());
        };
    }

    /**
     * The diagonal is drawn as glyph outlines, not text: it stays out of copied and extracted
     * text and out of screen readers, where the footer already says the same.
     */
    private static void drawDiagonal(PDFormContentStream content, Marks marks, float width, float height)
            throws IOException {
        double angle = Math.atan2(height, width);
        float diagonal = (float) Math.hypot(width, height);
        float size = Math.max(6f, 0.6f * diagonal / marks.diagonalWidth);
        content.saveGraphicsState();
        content.setGraphicsStateParameters(marks.faint);
        content.setNonStrokingColor(MARK_GREY);
        // Each cm applies before the previous ones: scale glyph units, centre, then rotate about the middle.
        content.transform(Matrix.getRotateInstance(angle, width / 2, height / 2));
        content.transform(Matrix.getTranslateInstance(-marks.diagonalWidth * size / 2, -size * 0.35f));
        content.transform(Matrix.getScaleInstance(size / 1000f, size / 1000f));
        appendPath(content, marks.diagonalOutline);
        content.fill();
        content.restoreGraphicsState();
    }

    /**
     * Outline of {@code text} set in {@code font}, in glyph units (1000 to the em), starting at 0,0.
     * The outlines come from the font program PDFBox uses for Helvetica (a bundled, metrically
     * compatible substitute), scaled by its own font matrix; the advances are Helvetica's.
     */
    private static GeneralPath outline(PDType1Font font, String text) throws IOException {
        FontBoxFont program = font.getFontBoxFont();
        List<Number> m = program.getFontMatrix();
        AffineTransform toThousandths = new AffineTransform(m.get(0).doubleValue() * 1000, m.get(1).doubleValue() * 1000,
                m.get(2).doubleValue() * 1000, m.get(3).doubleValue() * 1000, 0, 0);
        GeneralPath outline = new GeneralPath();
        float x = 0;
        for (byte b : font.encode(text)) {
            int code = b & 0xff;
            GeneralPath glyph = program.getPath(font.codeToName(code));
            glyph.transform(toThousandths);
            glyph.transform(AffineTransform.getTranslateInstance(x, 0));
            outline.append(glyph, false);
            x += font.getWidth(code);
        }
        return outline;
    }

    private static void appendPath(PDFormContentStream content, GeneralPath path) throws IOException {
        float[] c = new float[6];
        float x = 0; // current point, for turning quadratic curves (TrueType outlines) into cubic ones
        float y = 0;
        for (PathIterator segments = path.getPathIterator(null); !segments.isDone(); segments.next()) {
            switch (segments.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> {
                    content.moveTo(c[0], c[1]);
                    x = c[0];
                    y = c[1];
                }
                case PathIterator.SEG_LINETO -> {
                    content.lineTo(c[0], c[1]);
                    x = c[0];
                    y = c[1];
                }
                case PathIterator.SEG_QUADTO -> {
                    content.curveTo(x + 2f / 3 * (c[0] - x), y + 2f / 3 * (c[1] - y),
                            c[2] + 2f / 3 * (c[0] - c[2]), c[3] + 2f / 3 * (c[1] - c[3]), c[2], c[3]);
                    x = c[2];
                    y = c[3];
                }
                case PathIterator.SEG_CUBICTO -> {
                    content.curveTo(c[0], c[1], c[2], c[3], c[4], c[5]);
                    x = c[4];
                    y = c[5];
                }
                default -> content.closePath(); // a glyph's next contour starts with a move
            }
        }
    }

    private static void drawFooter(PDFormContentStream content, Marks marks, float width) throws IOException {
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

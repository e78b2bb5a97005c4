package org.interlend.copying.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.tika.mime.MediaType;

/**
 * Combines page images (JPEG or PNG, detected by content) into one PDF with one image per A4 page,
 * in list order. A landscape image gets a landscape page; each image is scaled to fit its page
 * and centred.
 *
 * <p>JPEGs are embedded as they are ({@code DCTDecode}), without decoding or re-encoding. PNGs are
 * embedded from their compressed data when PDFBox can (most 8-bit PNGs) and decoded otherwise.
 * One image at a time is in memory; the images already added are spooled to a temporary file.
 */
public final class ImagesToPdf {

    private ImagesToPdf() {
    }

    /**
     * @return the number of pages written, one per image
     * @throws UnusableImageException if an image is not a JPEG or PNG, or cannot be decoded;
     *                                {@code out} is not written then
     * @throws IOException            if an image cannot be read or {@code out} written
     */
    public static int combine(List<Path> images, Path out) throws IOException, UnusableImageException {
        Objects.requireNonNull(out, "out");
        if (images.isEmpty()) {
            throw new IllegalArgumentException("No images to combine");
        }
        try (PDDocument document = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            for (Path image : images) {
                addPage(document, image);
            }
            boolean saved = false;
            try {
                // Without object streams: PDFBox 3.0.5 writes a wrong /Size with them (qpdf --check
                // warns), and they would save little in a file made of images.
                document.save(out.toFile(), CompressParameters.NO_COMPRESSION);
                saved = true;
            } finally {
                if (!saved) {
                    Files.deleteIfExists(out);
                }
            }
            return document.getNumberOfPages();
        }
    }

    private static void addPage(PDDocument document, Path image) throws IOException, UnusableImageException {
        PDImageXObject xObject = load(document, image);
        float imageWidth = xObject.getWidth();
        float imageHeight = xObject.getHeight();
        PDRectangle size = imageWidth > imageHeight
                ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth())
                : PDRectangle.A4;
        float scale = Math.min(size.getWidth() / imageWidth, size.getHeight() / imageHeight);
        float width = imageWidth * scale;
        float height = imageHeight * scale;

        PDPage page = new PDPage(size);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            content.drawImage(xObject, (size.getWidth() - width) / 2, (size.getHeight() - height) / 2, width, height);
        }
    }

    private static PDImageXObject load(PDDocument document, Path image) throws IOException, UnusableImageException {
        MediaType type = ContentTypes.detect(image).getBaseType();
        boolean jpeg = ContentTypes.isA(type, ContentTypes.JPEG);
        if (!jpeg && !ContentTypes.isA(type, ContentTypes.PNG)) {
            throw new UnusableImageException(image, type.toString(),
                    image.getFileName() + " is not a JPEG or PNG image: its content is " + type, null);
        }
        // One page image (hundreds of kilobytes to a few megabytes); PDFBox's factories read it whole anyway.
        byte[] bytes = Files.readAllBytes(image);
        try {
            return jpeg
                    ? JPEGFactory.createFromByteArray(document, bytes)
                    : PDImageXObject.createFromByteArray(document, bytes, image.getFileName().toString());
        } catch (IOException | RuntimeException e) {
            throw new UnusableImageException(image, type.toString(),
                    image.getFileName() + " could not be read as " + type + ": " + e.getMessage(), e);
        }
    }
}

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
 * Combines page images (JPEG, PNG or TIFF, detected by content) into one PDF with one image per A4
 * page, in list order; a TIFF may hold several pages, each becomes a page. A landscape image gets a
 * landscape page; each image is scaled to fit its page and centred.
 *
 * <p>JPEGs are embedded as they are ({@code DCTDecode}), without decoding or re-encoding. PNGs are
 * embedded from their compressed data when PDFBox can (most 8-bit PNGs) and decoded otherwise. TIFF
 * pages are decoded (the JDK's TIFF reader) and embedded losslessly, one page at a time. One image
 * at a time is in memory; the images already added are spooled to a temporary file.
 */
public final class ImagesToPdf {

  private ImagesToPdf() {}

  /**
   * @return the number of pages written, one per image
   * @throws UnusableImageException if an image is not a JPEG or PNG, or cannot be decoded; {@code
   *     out} is not written then
   * @throws IOException if an image cannot be read or {@code out} written
   */
  public static int combine(List<Path> images, Path out)
      throws IOException, UnusableImageException {
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

  private static void addPage(PDDocument document, Path image)
      throws IOException, UnusableImageException {
    MediaType type = ContentTypes.detect(image).getBaseType();
    if (ContentTypes.isA(type, ContentTypes.TIFF)) {
      addTiffPages(document, image);
      return;
    }
    addPage(document, load(document, image, type));
  }

  /** Every page of a TIFF (scanners write one file for a whole chapter), decoded one at a time. */
  private static void addTiffPages(PDDocument document, Path image)
      throws IOException, UnusableImageException {
    try (javax.imageio.stream.ImageInputStream in =
        javax.imageio.ImageIO.createImageInputStream(image.toFile())) {
      java.util.Iterator<javax.imageio.ImageReader> readers =
          javax.imageio.ImageIO.getImageReaders(in);
      if (in == null || !readers.hasNext()) {
        throw new UnusableImageException(
            image,
            "image/tiff",
            image.getFileName() + " is a TIFF image this server cannot decode",
            null);
      }
      javax.imageio.ImageReader reader = readers.next();
      try {
        reader.setInput(in);
        int pages = reader.getNumImages(true);
        for (int i = 0; i < pages; i++) {
          java.awt.image.BufferedImage page = reader.read(i);
          addPage(
              document,
              org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(
                  document, page));
        }
      } catch (IOException | RuntimeException e) {
        throw new UnusableImageException(
            image,
            "image/tiff",
            image.getFileName() + " could not be read as a TIFF image: " + e.getMessage(),
            e);
      } finally {
        reader.dispose();
      }
    }
  }

  private static void addPage(PDDocument document, PDImageXObject xObject) throws IOException {
    float imageWidth = xObject.getWidth();
    float imageHeight = xObject.getHeight();
    PDRectangle size =
        imageWidth > imageHeight
            ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth())
            : PDRectangle.A4;
    float scale = Math.min(size.getWidth() / imageWidth, size.getHeight() / imageHeight);
    float width = imageWidth * scale;
    float height = imageHeight * scale;

    PDPage page = new PDPage(size);
    document.addPage(page);
    try (PDPageContentStream content = new PDPageContentStream(document, page)) {
      content.drawImage(
          xObject, (size.getWidth() - width) / 2, (size.getHeight() - height) / 2, width, height);
    }
  }

  private static PDImageXObject load(PDDocument document, Path image, MediaType type)
      throws IOException, UnusableImageException {
    boolean jpeg = ContentTypes.isA(type, ContentTypes.JPEG);
    if (!jpeg && !ContentTypes.isA(type, ContentTypes.PNG)) {
      throw new UnusableImageException(
          image,
          type.toString(),
          image.getFileName() + " is not a JPEG, PNG or TIFF image: its content is " + type,
          null);
    }
    // One page image (hundreds of kilobytes to a few megabytes); PDFBox's factories read it whole
    // anyway.
    byte[] bytes = Files.readAllBytes(image);
    try {
      return jpeg
          ? JPEGFactory.createFromByteArray(document, bytes)
          : PDImageXObject.createFromByteArray(document, bytes, image.getFileName().toString());
    } catch (IOException | RuntimeException e) {
      throw new UnusableImageException(
          image,
          type.toString(),
          image.getFileName() + " could not be read as " + type + ": " + e.getMessage(),
          e);
    }
  }
}

package org.interlend.copying.scan;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;

/** Small files made at test time; nothing binary is committed. */
final class ScanFixtures {

  private ScanFixtures() {}

  /** A PDF whose page {@code i} (1-based) shows "Original page i". */
  static Path textPdf(Path file, int pages) throws IOException {
    try (PDDocument document = new PDDocument()) {
      addTextPages(document, pages, PDRectangle.A4, 0);
      document.save(file.toFile());
    }
    return file;
  }

  static void addTextPages(PDDocument document, int pages, PDRectangle size, int rotation)
      throws IOException {
    PDType1Font font = new PDType1Font(FontName.TIMES_ROMAN);
    for (int i = 1; i <= pages; i++) {
      PDPage page = new PDPage(size);
      page.setRotation(rotation);
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(font, 14);
        content.newLineAtOffset(size.getLowerLeftX() + 72, size.getUpperRightY() - 100);
        content.showText("Original page " + i);
        content.endText();
      }
    }
  }

  /** Encrypted with AES-128; an empty user password gives a PDF that opens but is restricted. */
  static Path encryptedPdf(Path file, String userPassword) throws IOException {
    try (PDDocument document = new PDDocument()) {
      addTextPages(document, 2, PDRectangle.A4, 0);
      AccessPermission permissions = new AccessPermission();
      permissions.setCanExtractContent(false);
      StandardProtectionPolicy policy =
          new StandardProtectionPolicy("owner-secret", userPassword, permissions);
      policy.setEncryptionKeyLength(128);
      document.protect(policy);
      document.save(file.toFile());
    }
    return file;
  }

  /**
   * A well-formed PDF whose page tree is empty, written byte by byte with a correct cross-reference
   * table so that only the missing pages are wrong with it.
   */
  static Path zeroPagePdf(Path file) throws IOException {
    String[] objects = {
      "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>",
    };
    StringBuilder pdf = new StringBuilder("%PDF-1.7\n");
    long[] offsets = new long[objects.length];
    for (int i = 0; i < objects.length; i++) {
      offsets[i] = pdf.length(); // ASCII only, so characters are bytes
      pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
    }
    long xref = pdf.length();
    pdf.append("xref\n0 ").append(objects.length + 1).append('\n');
    pdf.append("0000000000 65535 f \n");
    for (long offset : offsets) {
      pdf.append(String.format("%010d 00000 n \n", offset));
    }
    pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\n");
    pdf.append("startxref\n").append(xref).append("\n%%EOF\n");
    Files.writeString(file, pdf, StandardCharsets.US_ASCII);
    return file;
  }

  static byte[] jpegBytes(int width, int height) throws IOException {
    return imageBytes(width, height, "jpeg");
  }

  static Path jpeg(Path file, int width, int height) throws IOException {
    return Files.write(file, jpegBytes(width, height));
  }

  static Path png(Path file, int width, int height) throws IOException {
    return Files.write(file, imageBytes(width, height, "png"));
  }

  private static byte[] imageBytes(int width, int height, String format) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.DARK_GRAY);
    for (int y = height / 10; y < height * 9 / 10; y += Math.max(4, height / 20)) {
      g.fillRect(width / 10, y, width * 8 / 10, Math.max(1, height / 60));
    }
    g.dispose();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    if (!ImageIO.write(image, format, bytes)) {
      throw new IllegalStateException("No ImageIO writer for " + format);
    }
    return bytes.toByteArray();
  }

  static Path zip(Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("page-001.jpg"));
      zip.write(jpegBytes(40, 60));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("page-002.jpg"));
      zip.write(jpegBytes(40, 60));
      zip.closeEntry();
    }
    return file;
  }

  /** What a browser saves when a proxy or login page answers instead of the scanner. */
  static Path html(Path file) throws IOException {
    return Files.writeString(
        file,
        """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Session expired</title></head>
                <body><h1>Your session has expired</h1><p>Please sign in again.</p></body></html>
                """);
  }

  /** The first {@code fraction} of {@code source}, as an interrupted upload would leave it. */
  static Path truncated(Path source, Path file, double fraction) throws IOException {
    byte[] bytes = Files.readAllBytes(source);
    int length = (int) (bytes.length * fraction);
    return Files.write(file, Arrays.copyOf(bytes, length));
  }
}

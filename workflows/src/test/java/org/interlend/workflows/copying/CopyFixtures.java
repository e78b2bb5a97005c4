package org.interlend.workflows.copying;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;
import org.interlend.storage.DocumentStore;
import org.springframework.jdbc.core.JdbcTemplate;

/** Test data of the copying tests: own patrons, titles and holdings, and generated scans. */
public final class CopyFixtures {

  private final JdbcTemplate jdbc;
  private final DocumentStore store;

  public CopyFixtures(JdbcTemplate jdbc, DocumentStore store) {
    this.jdbc = jdbc;
    this.store = store;
  }

  public static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** A new patron of the category, home library CityU. */
  public String patron(String category) {
    String id = "PT-" + suffix();
    jdbc.update(
        "insert into patron (id, name, email, category, home_library) values (?, ?, ?, ?, 'cityu')",
        id,
        "Test " + category,
        id.toLowerCase() + "@test.example",
        category);
    return id;
  }

  /** A 13-digit ISBN nobody else uses. */
  public static String isbn() {
    return "979" + String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
  }

  /** An 8-character ISSN nobody else uses. */
  public static String issn() {
    return String.format("%08d", ThreadLocalRandom.current().nextLong(100_000_000L));
  }

  /** A book with the ISBN, on the shelf at each library, in the order given. */
  public void book(String isbn, String title, String... libraries) {
    long bib =
        jdbc.queryForObject(
            "insert into bib (title, isbn) values (?, ?) returning id", Long.class, title, isbn);
    for (String library : libraries) {
      jdbc.update(
          "insert into item (bib_id, library_code, barcode, format, collection, status)"
              + " values (?, ?, ?, 'BOOK', 'GENERAL', 'AVAILABLE')",
          bib,
          library,
          "T" + suffix() + library);
    }
  }

  /** A journal with the ISSN, held at each library. */
  public void journal(String issn, String title, String... libraries) {
    long bib =
        jdbc.queryForObject(
            "insert into bib (title, issn) values (?, ?) returning id", Long.class, title, issn);
    for (String library : libraries) {
      jdbc.update(
          "insert into item (bib_id, library_code, barcode, format, collection, status)"
              + " values (?, ?, ?, 'JOURNAL', 'GENERAL', 'AVAILABLE')",
          bib,
          library,
          "T" + suffix() + library);
    }
  }

  /** A PDF of {@code pages} A4 pages with a line of text each. */
  public static byte[] pdf(int pages) {
    try (PDDocument document = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDType1Font font = new PDType1Font(FontName.TIMES_ROMAN);
      for (int i = 1; i <= pages; i++) {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.beginText();
          content.setFont(font, 12);
          content.newLineAtOffset(72, 700);
          content.showText("Scanned page " + i);
          content.endText();
        }
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A small greyscale page image. */
  public static byte[] image(String format, int page) {
    BufferedImage img = new BufferedImage(210, 297, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 210, 297);
    g.setColor(Color.BLACK);
    g.drawString("page " + page, 40, 60);
    g.dispose();
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(img, format, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Stores bytes as the local staff desk stores an upload; returns the object key. */
  public String upload(String fileName, byte[] bytes) {
    String key = "uploads/test/" + UUID.randomUUID() + "/" + fileName;
    store.put(
        key,
        new ByteArrayInputStream(bytes),
        bytes.length,
        "application/octet-stream",
        Map.of("original-name", fileName));
    return key;
  }

  public byte[] read(String key) {
    try (var in = store.get(key)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Path temp(byte[] bytes) throws IOException {
    Path file = Files.createTempFile("copy-test-", ".pdf");
    Files.write(file, bytes);
    file.toFile().deleteOnExit();
    return file;
  }
}

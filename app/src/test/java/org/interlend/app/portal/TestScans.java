package org.interlend.app.portal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Scans for the tests and benchmarks that upload one: PDFs of A4 pages, made in memory. */
public final class TestScans {

  private TestScans() {}

  /** A PDF of {@code pages} empty A4 pages. */
  public static byte[] blankPages(int pages) throws IOException {
    return pdf(pages, false);
  }

  /** A PDF of {@code pages} A4 pages, each with 40 lines of text (a scan's size, roughly). */
  public static byte[] textPages(int pages) throws IOException {
    return pdf(pages, true);
  }

  private static byte[] pdf(int pages, boolean text) throws IOException {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
      for (int i = 1; i <= pages; i++) {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        if (text) {
          try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
            content.beginText();
            content.setFont(font, 11);
            content.newLineAtOffset(72, 760);
            for (int line = 0; line < 40; line++) {
              content.showText(
                  "Page "
                      + i
                      + ", line "
                      + line
                      + ": the quick brown fox jumps over the lazy dog.");
              content.newLineAtOffset(0, -16);
            }
            content.endText();
          }
        }
      }
      doc.save(out);
      return out.toByteArray();
    }
  }
}

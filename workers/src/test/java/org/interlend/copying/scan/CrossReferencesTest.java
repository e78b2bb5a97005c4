package org.interlend.copying.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Test;

class CrossReferencesTest {

  private static long entries(byte[] pdf) throws IOException {
    try (RandomAccessReadBuffer file = new RandomAccessReadBuffer(pdf)) {
      return CrossReferences.declaredEntries(file);
    }
  }

  private static RawPdf threeObjects() {
    return new RawPdf()
        .object(1, "<< /Type /Catalog /Pages 2 0 R >>")
        .object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
        .object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");
  }

  @Test
  void countsTheEntriesOfAClassicTable() throws IOException {
    assertThat(entries(threeObjects().bytes()))
        .as("the free entry 0 and three objects")
        .isEqualTo(4);
  }

  @Test
  void countsEntriesNotObjectNumbers() throws IOException {
    byte[] pdf = threeObjects().object(40_000_000, "<< /Huge true >>").bytes();

    assertThat(entries(pdf)).isEqualTo(5);
  }

  @Test
  void followsPreviousSectionsOfIncrementalUpdates() throws IOException {
    byte[] base = threeObjects().bytes();
    String text = new String(base, StandardCharsets.ISO_8859_1);
    int previous =
        Integer.parseInt(
            text.substring(text.lastIndexOf("startxref") + 10).strip().split("\\s+")[0]);
    int object = base.length;
    String update = "4 0 obj\n<< /Added true >>\nendobj\n";
    int xref = object + update.length();
    update +=
        "xref\n4 1\n"
            + String.format("%010d 00000 n \n", object)
            + "trailer\n<< /Size 5 /Root 1 0 R /Prev "
            + previous
            + " >>\nstartxref\n"
            + xref
            + "\n%%EOF\n";
    byte[] pdf = (text + update).getBytes(StandardCharsets.ISO_8859_1);

    assertThat(entries(pdf)).isEqualTo(4 + 1);
  }

  @Test
  void countsWhatACompressedStreamDeclares() throws IOException {
    assertThat(entries(HostileCorpus.crossReferenceBomb(5_000_000))).isEqualTo(5_000_000);
    assertThat(entries(HostileCorpus.crossReferenceBomb(4))).isEqualTo(4);
  }

  @Test
  void leavesAFileWithoutAFindableTableToPdfBox() throws IOException {
    assertThat(entries("%PDF-1.7\n1 0 obj << >> endobj\n".getBytes(StandardCharsets.US_ASCII)))
        .isZero();
    assertThat(entries("%PDF-1.7\nstartxref\n999999\n%%EOF".getBytes(StandardCharsets.US_ASCII)))
        .isZero();
  }
}

package org.interlend.copying.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.cos.COSStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentRewriterTest {

  @TempDir Path dir;

  /** What the scan's operators become: whatever they open is closed, a surplus close is dropped. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
            balanced                  | q 1 0 0 1 5 5 cm Q 0 0 1 1 re f     | q 1 0 0 1 5 5 cm Q 0 0 1 1 re f
            open saves are closed     | q q 0.1 0 0 0.1 0 0 cm              | q q 0.1 0 0 0.1 0 0 cm Q Q
            surplus restores dropped  | Q Q q Q                             | q Q
            open text object closed   | BT /F1 12 Tf (x) Tj                 | BT /F1 12 Tf (x) Tj ET
            nested text object        | BT BT (x) Tj ET ET                  | BT (x) Tj ET
            open marked content       | /OC /oc1 BDC 0 0 1 1 re f           | /OC /oc1 BDC 0 0 1 1 re f EMC
            surplus ends dropped      | EMC ET EX 1 g                       | 1 g
            open compatibility        | BX 1 2 foo                          | BX 1 2 foo EX
            order of closing          | q BT /Span BMC                      | q BT /Span BMC ET EMC Q
            operands left at the end  | 0 g 1 2 3                           | 0 g
            clip left open            | 0 0 1 1 re W n                      | 0 0 1 1 re W n
            """)
  void closesWhatTheContentLeavesOpen(String what, String content, String expected)
      throws IOException {
    assertThat(rewrite(content)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
            split across streams      | q 2 0 0 2 0 0 cm | BT (x) Tj ET Q Q  | q 2 0 0 2 0 0 cm BT (x) Tj ET Q
            each stream left open     | q                | BT               | q BT ET Q
            """)
  void readsTheStreamsOfAPageAsOne(String what, String first, String second, String expected)
      throws IOException {
    assertThat(rewrite(first, second)).isEqualTo(expected);
  }

  private String rewrite(String... contents) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<COSStream> streams = new java.util.ArrayList<>();
    for (String content : contents) {
      COSStream stream = new COSStream();
      try (OutputStream data = stream.createOutputStream()) {
        data.write(content.getBytes(StandardCharsets.US_ASCII));
      }
      streams.add(stream);
    }
    new ContentRewriter(dir).rewrite(streams, out, "page 1");
    return out.toString(StandardCharsets.US_ASCII).replaceAll("\\s+", " ").strip();
  }
}

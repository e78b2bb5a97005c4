package org.interlend.copying.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.Adler32;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlateSinkTest {

  @ParameterizedTest(name = "{0} + {1} bytes")
  @CsvSource({"0, 0", "0, 5", "1, 1", "100, 70000", "70000, 100", "200000, 300000"})
  void combinesTheChecksumsOfTwoParts(int first, int second) {
    Random random = new Random(first * 31L + second);
    byte[] a = new byte[first];
    byte[] b = new byte[second];
    random.nextBytes(a);
    random.nextBytes(b);

    assertThat(FlateSink.combine(adler(a), adler(b), b.length)).isEqualTo(adler(a, b));
  }

  /**
   * A page's own part, flushed, then a mark compressed once and appended as it is: one valid zlib
   * stream that inflates to both, as the copy writes each page's content stream.
   */
  @Test
  void appendsACompressedBlockToAFlushedStream() throws Exception {
    byte[] page = "q BT /F1 12 Tf (page) Tj ET Q\n".repeat(50).getBytes(StandardCharsets.US_ASCII);
    byte[] mark =
        "q 0 0 595 23 re f BT (mark) Tj ET Q\n".repeat(40).getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream markBlocks = new ByteArrayOutputStream();
    int markAdler;
    try (FlateSink sink = new FlateSink(Deflater.BEST_COMPRESSION)) {
      sink.start(markBlocks);
      sink.write(mark, 0, mark.length);
      sink.syncFlush();
      markAdler = sink.adler();
    }

    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    try (FlateSink sink = new FlateSink(Deflater.DEFAULT_COMPRESSION)) {
      stream.write(FlateSink.ZLIB_HEADER);
      sink.start(stream);
      sink.write(page, 0, page.length);
      sink.syncFlush();
      stream.write(markBlocks.toByteArray());
      stream.write(FlateSink.FINAL_EMPTY_BLOCK);
      FlateSink.writeAdler(stream, FlateSink.combine(sink.adler(), markAdler, mark.length));
    }

    Inflater inflater = new Inflater(); // checks the zlib header and the Adler-32 trailer
    inflater.setInput(stream.toByteArray());
    byte[] inflated = new byte[page.length + mark.length + 10];
    int n = inflater.inflate(inflated);
    assertThat(inflater.finished()).isTrue();
    assertThat(inflater.getRemaining()).isZero();
    inflater.end();
    assertThat(new String(inflated, 0, n, StandardCharsets.US_ASCII))
        .isEqualTo(
            new String(page, StandardCharsets.US_ASCII)
                + new String(mark, StandardCharsets.US_ASCII));
  }

  @ParameterizedTest(name = "writes of up to {0} bytes")
  @CsvSource({"1", "7", "300", "20000"})
  void manySmallWritesMakeTheSameStreamAsOne(int largest) throws Exception {
    byte[] data = new byte[100_000];
    new Random(largest).nextBytes(data);
    for (int i = 0; i < data.length; i += 3) {
      data[i] = 'q'; // compressible, like operators
    }
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    Random sizes = new Random(7);
    try (FlateSink sink = new FlateSink(Deflater.DEFAULT_COMPRESSION)) {
      stream.write(FlateSink.ZLIB_HEADER);
      sink.start(stream);
      int at = 0;
      while (at < data.length) {
        int n = Math.min(data.length - at, 1 + sizes.nextInt(largest));
        if (n == 1) {
          sink.write(data[at]);
        } else {
          sink.write(data, at, n);
        }
        at += n;
      }
      sink.finishData();
      FlateSink.writeAdler(stream, sink.adler());
    }
    assertThat(adler(data)).isEqualTo(adler(inflate(stream.toByteArray(), data.length)));
    assertThat(inflate(stream.toByteArray(), data.length)).isEqualTo(data);
  }

  private static byte[] inflate(byte[] zlib, int length) throws Exception {
    Inflater inflater = new Inflater();
    inflater.setInput(zlib);
    byte[] out = new byte[length];
    int n = inflater.inflate(out);
    assertThat(n).isEqualTo(length);
    assertThat(inflater.finished()).isTrue();
    inflater.end();
    return out;
  }

  private static int adler(byte[]... parts) {
    Adler32 adler = new Adler32();
    for (byte[] part : parts) {
      adler.update(part);
    }
    return (int) adler.getValue();
  }
}

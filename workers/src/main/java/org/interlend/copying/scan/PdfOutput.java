package org.interlend.copying.scan;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * The bytes of the copy: objects numbered 1, 2, 3, ... with no gaps, a classic cross-reference
 * table, no object streams and no incremental sections. Small writes go through one 64 KB buffer;
 * stream data from the upload goes from file to file in the kernel. The SHA-256 is computed while
 * the file is written ({@link FileDigest}).
 *
 * <p>The file may not grow beyond a limit set by the caller: past it the writing stops with the
 * caller's {@link Refusal}, so that a small hostile upload cannot make a huge copy.
 */
final class PdfOutput implements AutoCloseable {

  /** Writing the copy failed: a problem of the machine (disk full), not of the upload. */
  static final class WriteFailure extends IOException {
    WriteFailure(IOException cause) {
      super("Could not write the copy: " + cause.getMessage(), cause);
    }
  }

  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  private final FileChannel channel;
  private final FileDigest digest;
  private final ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
  private final long limit;
  private final Supplier<Refusal> tooLarge;

  /** Bytes handed to the channel. */
  private long flushed;

  /** Offsets by object number; 0 for numbers reserved and not yet written. */
  private long[] offsets = new long[1024];

  private int highest;

  private PdfOutput(
      FileChannel channel, FileDigest digest, long limit, Supplier<Refusal> tooLarge) {
    this.channel = channel;
    this.digest = digest;
    this.limit = limit;
    this.tooLarge = tooLarge;
  }

  /**
   * Creates {@code file} (replacing it) and writes the header.
   *
   * @param limit most bytes the copy may have
   * @param tooLarge the refusal to throw when it would have more
   */
  static PdfOutput create(Path file, String version, long limit, Supplier<Refusal> tooLarge)
      throws IOException {
    FileChannel channel =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING);
    FileDigest digest;
    try {
      digest = FileDigest.follow(file);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    PdfOutput output = new PdfOutput(channel, digest, limit, tooLarge);
    // The second line marks the file as binary for transfer programs.
    output.write(
        ("%PDF-" + version + "\n%\u00e2\u00e3\u00cf\u00d3\n")
            .getBytes(StandardCharsets.ISO_8859_1));
    return output;
  }

  /** A new object number, to be written later with {@link #beginObject}. */
  int reserve() {
    highest++;
    if (highest >= offsets.length) {
      offsets = Arrays.copyOf(offsets, offsets.length * 2);
    }
    return highest;
  }

  void beginObject(int number) throws IOException {
    if (number < 1 || number > highest || offsets[number] != 0) {
      throw new IllegalStateException("Object " + number + " is not reserved or already written");
    }
    offsets[number] = position();
    number(number);
    ascii(" 0 obj\n");
  }

  void endObject() throws IOException {
    ascii("\nendobj\n");
  }

  /** Writes {@code n 0 R}. */
  void reference(int number) throws IOException {
    number(number);
    ascii(" 0 R");
  }

  long position() {
    return flushed + buffer.position();
  }

  void write(int b) throws IOException {
    if (!buffer.hasRemaining()) {
      flush();
    }
    buffer.put((byte) b);
  }

  void write(byte[] bytes) throws IOException {
    write(bytes, 0, bytes.length);
  }

  void write(byte[] bytes, int offset, int length) throws IOException {
    while (length > 0) {
      if (!buffer.hasRemaining()) {
        flush();
      }
      int n = Math.min(length, buffer.remaining());
      buffer.put(bytes, offset, n);
      offset += n;
      length -= n;
    }
  }

  void ascii(String s) throws IOException {
    for (int i = 0; i < s.length(); i++) {
      write(s.charAt(i));
    }
  }

  void number(long n) throws IOException {
    ascii(Long.toString(n));
  }

  /** A real number in plain notation (PDF has no exponents), to at most five decimals. */
  void number(double value) throws IOException {
    ascii(format(value));
  }

  static String format(double value) {
    if (!Double.isFinite(value)) {
      return "0";
    }
    long rounded = Math.round(value);
    if (Math.abs(value - rounded) < 0.000005) {
      return Long.toString(rounded);
    }
    return BigDecimal.valueOf(value)
        .setScale(5, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }

  /** A float from the upload, exactly as Java prints it, in plain notation. */
  static String formatExact(float value) {
    if (!Float.isFinite(value)) {
      return "0";
    }
    String plain = new BigDecimal(Float.toString(value)).stripTrailingZeros().toPlainString();
    return plain.equals("-0") ? "0" : plain;
  }

  /** A string in hex form: any bytes, no escaping rules. */
  void hexString(byte[] bytes) throws IOException {
    write('<');
    ascii(HEX.formatHex(bytes));
    write('>');
  }

  /** Copies {@code length} bytes of {@code source} from {@code start}, in the kernel. */
  void transferFrom(FileChannel source, long start, long length) throws IOException {
    flush();
    long done = 0;
    try {
      while (done < length) {
        long n = source.transferTo(start + done, length - done, channel);
        if (n <= 0) {
          throw new IOException(
              "The scan file ended early, " + done + " of " + length + " bytes copied");
        }
        done += n;
      }
    } catch (IOException e) {
      throw e instanceof WriteFailure ? e : new WriteFailure(e);
    }
    flushed += length;
    afterFlush();
  }

  /** The copy as an {@link OutputStream}, for encoders. Closing it does nothing. */
  OutputStream stream() {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        PdfOutput.this.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        PdfOutput.this.write(b, off, len);
      }
    };
  }

  private void flush() throws IOException {
    buffer.flip();
    try {
      while (buffer.hasRemaining()) {
        flushed += channel.write(buffer);
      }
    } catch (IOException e) {
      throw new WriteFailure(e);
    }
    buffer.clear();
    afterFlush();
  }

  private void afterFlush() {
    if (flushed > limit) {
      throw tooLarge.get();
    }
    digest.advance(flushed);
  }

  /**
   * Writes the cross-reference table and the trailer, and returns the file's SHA-256.
   *
   * @param id the file identifier, 16 bytes
   */
  byte[] finish(int root, int info, byte[] id) throws IOException {
    for (int i = 1; i <= highest; i++) {
      if (offsets[i] == 0) {
        throw new IllegalStateException("Object " + i + " was reserved but not written");
      }
    }
    long xref = position();
    ascii("xref\n0 ");
    number(highest + 1L);
    ascii("\n0000000000 65535 f\r\n");
    for (int i = 1; i <= highest; i++) {
      ascii(String.format("%010d 00000 n\r\n", offsets[i]));
    }
    ascii("trailer\n<< /Size ");
    number(highest + 1L);
    ascii(" /Root ");
    reference(root);
    ascii(" /Info ");
    reference(info);
    ascii(" /ID [");
    hexString(id);
    hexString(id);
    ascii("] >>\nstartxref\n");
    number(xref);
    ascii("\n%%EOF\n");
    flush();
    return digest.finish(flushed);
  }

  @Override
  public void close() throws IOException {
    try (channel) {
      digest.close();
    }
  }
}

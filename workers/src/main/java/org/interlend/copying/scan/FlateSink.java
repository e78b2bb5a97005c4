package org.interlend.copying.scan;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Adler32;
import java.util.zip.Deflater;

/**
 * Deflate compression for the streams the copy writes, with one {@link Deflater} reused for every
 * stream of a document (a deflater holds some 256 KB of native memory).
 *
 * <p>It writes raw deflate data and counts the Adler-32 checksum of what it was given, so that the
 * caller can write the zlib header and trailer itself. That lets a page's content stream be made of
 * the page's own part, flushed to a byte boundary, followed by the mark, compressed once per page
 * size and appended as it is: deflate blocks can be concatenated, and the checksum of the whole is
 * computed from those of the parts ({@link #combine}).
 */
final class FlateSink extends OutputStream {

  /** zlib header: deflate, 32 KB window, default compression (RFC 1950). */
  static final byte[] ZLIB_HEADER = {0x78, (byte) 0x9c};

  /** A final, empty deflate block with fixed codes: ends a stream of non-final blocks. */
  static final byte[] FINAL_EMPTY_BLOCK = {0x03, 0x00};

  private static final int ADLER_BASE = 65521;

  private final Deflater deflater;
  private final byte[] buffer = new byte[8192];

  /**
   * Small writes (a content stream's operators come a few bytes at a time) gathered for deflate.
   */
  private final byte[] input = new byte[16384];

  private int gathered;
  private final Adler32 adler = new Adler32();
  private OutputStream target;

  FlateSink(int level) {
    deflater = new Deflater(level, true);
  }

  /** Starts a new stream of raw deflate data into {@code target}. */
  void start(OutputStream target) {
    deflater.reset();
    adler.reset();
    gathered = 0;
    this.target = target;
  }

  @Override
  public void write(int b) throws IOException {
    if (gathered == input.length) {
      drain();
    }
    input[gathered++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (len >= input.length) {
      drain();
      deflate(b, off, len);
      return;
    }
    if (gathered + len > input.length) {
      drain();
    }
    System.arraycopy(b, off, input, gathered, len);
    gathered += len;
  }

  /** Compresses what was gathered. */
  private void drain() throws IOException {
    if (gathered > 0) {
      deflate(input, 0, gathered);
      gathered = 0;
    }
  }

  private void deflate(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return;
    }
    adler.update(b, off, len);
    deflater.setInput(b, off, len);
    while (!deflater.needsInput()) {
      int n = deflater.deflate(buffer, 0, buffer.length, Deflater.NO_FLUSH);
      target.write(buffer, 0, n);
    }
  }

  /** Ends the data so far on a byte boundary, without a final block: more blocks may follow. */
  void syncFlush() throws IOException {
    drain();
    int n;
    do {
      n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
      target.write(buffer, 0, n);
    } while (n == buffer.length);
  }

  /** Ends the deflate data with a final block. */
  void finishData() throws IOException {
    drain();
    deflater.finish();
    while (!deflater.finished()) {
      int n = deflater.deflate(buffer, 0, buffer.length);
      target.write(buffer, 0, n);
    }
  }

  /** Adler-32 of the bytes written since {@link #start}. */
  int adler() {
    if (gathered > 0) {
      throw new IllegalStateException("adler() before the data was flushed or finished");
    }
    return (int) adler.getValue();
  }

  /** Frees the deflater's native memory; the sink cannot be used afterwards. */
  @Override
  public void close() {
    deflater.end();
  }

  static void writeAdler(OutputStream target, int adler) throws IOException {
    target.write(adler >>> 24);
    target.write(adler >>> 16);
    target.write(adler >>> 8);
    target.write(adler);
  }

  /**
   * Adler-32 of two byte sequences one after the other, from the checksum of each and the length of
   * the second. With A the sum of the bytes plus one and B the sum of the running values of A: A =
   * A1 + A2 - 1 and B = B1 + B2 + length2 * (A1 - 1), modulo 65521.
   */
  static int combine(int adler1, int adler2, long length2) {
    long a1 = adler1 & 0xffff;
    long b1 = (adler1 >>> 16) & 0xffff;
    long a2 = adler2 & 0xffff;
    long b2 = (adler2 >>> 16) & 0xffff;
    long a = Math.floorMod(a1 + a2 - 1, ADLER_BASE);
    long b =
        Math.floorMod(
            b1 + b2 + Math.floorMod(length2, ADLER_BASE) * Math.floorMod(a1 - 1, ADLER_BASE),
            ADLER_BASE);
    return (int) (b << 16 | a);
  }
}

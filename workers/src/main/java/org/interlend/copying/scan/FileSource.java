package org.interlend.copying.scan;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadView;

/**
 * The uploaded PDF as PDFBox reads it: a {@link RandomAccessRead} over a {@link FileChannel} with
 * one small buffer, instead of PDFBox's file reader that caches up to 4 MB of pages in the heap.
 *
 * <p>It also remembers where each stream's data lies in the file, so that the copy can move image
 * data from file to file in the kernel ({@link FileChannel#transferTo}) without it passing through
 * the heap: PDFBox gives each parsed stream a view of this source ({@link #createView}), and {@link
 * COSStream#createRawInputStream()} positions that view before anything else; {@link #locate}
 * watches for that. Streams whose data PDFBox holds elsewhere (decrypted data, for example) are not
 * located, and are copied through their input stream instead.
 */
final class FileSource implements RandomAccessRead {

  private static final int BUFFER_SIZE = 16 * 1024;

  private final FileChannel channel;
  private final long length;
  private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);

  /**
   * File position of {@code buffer}'s first byte; the buffer holds {@code buffer.limit()} bytes.
   */
  private long bufferStart;

  private long position;
  private boolean closed;

  /** The view most recently positioned; see {@link #locate}. */
  private LocatedView lastSeeked;

  private FileSource(FileChannel channel) throws IOException {
    this.channel = channel;
    this.length = channel.size();
    buffer.limit(0);
  }

  static FileSource open(Path file) throws IOException {
    return new FileSource(FileChannel.open(file, StandardOpenOption.READ));
  }

  FileChannel channel() {
    return channel;
  }

  /** Where a stream's raw (still encoded) data lies in the file. */
  record Region(long start, long length) {}

  /**
   * The region of the file that holds {@code stream}'s raw data, or {@code null} when PDFBox keeps
   * the data elsewhere (or positions its view in a way we do not recognise).
   */
  Region locate(COSStream stream) throws IOException {
    lastSeeked = null;
    stream.createRawInputStream().close();
    LocatedView view = lastSeeked;
    lastSeeked = null;
    if (view == null || view.start < 0 || view.start + view.size > length) {
      return null;
    }
    return new Region(view.start, view.size);
  }

  @Override
  public int read() throws IOException {
    if (!fill()) {
      return -1;
    }
    int b = buffer.get((int) (position - bufferStart)) & 0xff;
    position++;
    return b;
  }

  @Override
  public int read(byte[] b, int offset, int len) throws IOException {
    checkClosed();
    if (len == 0) {
      return 0;
    }
    if (position >= length) {
      return -1;
    }
    if (len >= BUFFER_SIZE) {
      // Large reads (stream data) go straight to the file.
      int read =
          channel.read(
              ByteBuffer.wrap(b, offset, (int) Math.min(len, length - position)), position);
      if (read < 0) {
        return -1;
      }
      position += read;
      return read;
    }
    if (!fill()) {
      return -1;
    }
    int available = (int) (bufferStart + buffer.limit() - position);
    int n = Math.min(len, available);
    buffer.get((int) (position - bufferStart), b, offset, n);
    position += n;
    return n;
  }

  /** Makes {@code position} fall inside the buffer; false at the end of the file. */
  private boolean fill() throws IOException {
    checkClosed();
    if (position >= bufferStart && position < bufferStart + buffer.limit()) {
      return true;
    }
    if (position >= length) {
      return false;
    }
    buffer.clear();
    bufferStart = position;
    while (buffer.hasRemaining() && bufferStart + buffer.position() < length) {
      if (channel.read(buffer, bufferStart + buffer.position()) < 0) {
        break;
      }
    }
    buffer.flip();
    if (buffer.limit() == 0) {
      throw new EOFException("The file shrank while it was read");
    }
    return true;
  }

  @Override
  public long getPosition() throws IOException {
    checkClosed();
    return position;
  }

  @Override
  public void seek(long newPosition) throws IOException {
    checkClosed();
    if (newPosition < 0) {
      throw new IOException("Invalid position " + newPosition);
    }
    position = Math.min(newPosition, length);
  }

  @Override
  public long length() throws IOException {
    checkClosed();
    return length;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public boolean isEOF() throws IOException {
    checkClosed();
    return position >= length;
  }

  @Override
  public RandomAccessReadView createView(long startPosition, long streamLength) throws IOException {
    checkClosed();
    return new LocatedView(this, startPosition, streamLength);
  }

  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      channel.close();
    }
  }

  private void checkClosed() throws IOException {
    if (closed) {
      throw new IOException("The scan file is closed");
    }
  }

  /** A view that knows its place in the file and tells its source when it is positioned. */
  private static final class LocatedView extends RandomAccessReadView {
    private final FileSource source;
    private final long start;
    private final long size;

    LocatedView(FileSource source, long start, long size) {
      super(source, start, size, false);
      this.source = source;
      this.start = start;
      this.size = size;
    }

    @Override
    public void seek(long newOffset) throws IOException {
      super.seek(newOffset);
      source.lastSeeked = this;
    }
  }
}

package org.interlend.copying.scan;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.contentstream.PDContentStream;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.util.Matrix;
import org.interlend.copying.scan.ScanCheck.Reason;

/**
 * Copies the drawing operators of a page (or of a form XObject) so that they leave nothing open
 * behind them: a surplus {@code Q} (which would undo a save made before the content) is dropped,
 * and whatever is left open at the end (graphics states, a text object, marked content,
 * compatibility sections) is closed, in the reverse order of opening.
 *
 * <p>The caller brackets the result in {@code q ... Q}; after it the graphics state is exactly what
 * it was before the content: no transform, clip, colour, text mode or open object of the scan can
 * reach what is drawn next (the mark). Operands and operators are otherwise written as PDFBox
 * parsed them, including inline images. Decoding stops being plausible beyond {@link #MAX_DECODED}
 * bytes for one page: such a page is refused.
 */
final class ContentRewriter {

  /** Far beyond a real page (a scanned page draws one image in under 100 bytes of operators). */
  static final long MAX_DECODED = 64L * 1024 * 1024;

  /**
   * No operator takes more operands (the most, {@code sc} with a 32-component colour, takes 33).
   */
  private static final int MAX_OPERANDS = 1024;

  /** Decoded content up to this size is parsed from memory, beyond from a temporary file. */
  private static final int IN_MEMORY = 1024 * 1024;

  private final Path tempDir;
  private final byte[] chunk = new byte[8192];
  private byte[] spool = new byte[8192];

  ContentRewriter(Path tempDir) {
    this.tempDir = tempDir;
  }

  /**
   * Writes the operators of {@code streams}, one after the other, balanced.
   *
   * @param where for messages, e.g. "page 3"
   * @throws Refusal if a stream cannot be decoded or its content is too large
   */
  void rewrite(List<COSStream> streams, OutputStream out, String where) throws IOException {
    Path file = null;
    try {
      int length = 0;
      OutputStream spilled = null;
      long total = 0;
      for (COSStream stream : streams) {
        try (InputStream in = decode(stream, where)) {
          int n;
          while ((n = read(in, chunk, where)) > 0) {
            total += n;
            if (total > MAX_DECODED) {
              throw new Refusal(
                  Reason.TOO_COMPLEX,
                  "The PDF cannot be processed: "
                      + where
                      + " has more than "
                      + (MAX_DECODED >> 20)
                      + " MB of drawing instructions. "
                      + "Please save it again (for example with \"Print to PDF\") and upload the new file.");
            }
            if (spilled == null && length + n > IN_MEMORY) {
              file = Files.createTempFile(tempDir, "content-", ".bin");
              spilled = Files.newOutputStream(file);
              spilled.write(spool, 0, length);
            }
            if (spilled != null) {
              spilled.write(chunk, 0, n);
            } else {
              ensure(length + n);
              System.arraycopy(chunk, 0, spool, length, n);
              length += n;
            }
          }
        }
        // Streams are concatenated at token boundaries (PDF 32000-1, 7.8.2).
        if (spilled != null) {
          spilled.write('\n');
        } else {
          ensure(length + 1);
          spool[length++] = '\n';
        }
      }
      RandomAccessRead contents;
      if (spilled != null) {
        spilled.close();
        contents = FileSource.open(file);
      } else {
        contents = new RandomAccessReadBuffer(ByteBuffer.wrap(spool, 0, length).slice());
      }
      copyBalanced(contents, out);
    } finally {
      if (file != null) {
        Files.deleteIfExists(file);
      }
      if (spool.length > IN_MEMORY) {
        spool = new byte[8192];
      }
    }
  }

  private static InputStream decode(COSStream stream, String where) throws IOException {
    try {
      return stream.createInputStream();
    } catch (IOException e) {
      throw undecodable(where, e);
    }
  }

  private static int read(InputStream in, byte[] chunk, String where) {
    try {
      return in.read(chunk);
    } catch (IOException e) {
      throw undecodable(where, e);
    }
  }

  private static Refusal undecodable(String where, IOException e) {
    return new Refusal(
        Reason.UNREADABLE,
        "The PDF is damaged: the content of "
            + where
            + " cannot be decoded ("
            + e.getMessage()
            + "). Please save or scan it again and upload the new file.");
  }

  private void ensure(int capacity) {
    if (capacity > spool.length) {
      spool = Arrays.copyOf(spool, Math.max(capacity, spool.length * 2));
    }
  }

  private static void copyBalanced(RandomAccessRead contents, OutputStream out) throws IOException {
    ContentStreamWriter writer = new ContentStreamWriter(out);
    List<COSBase> operands = new ArrayList<>();
    int saves = 0;
    int markedContent = 0;
    int compatibility = 0;
    boolean inText = false;
    PDFStreamParser parser = new PDFStreamParser(new Source(contents));
    try {
      while (true) {
        Object token;
        try {
          token = parser.parseNextToken();
        } catch (IOException e) {
          break; // the rest is junk, which viewers skip too
        }
        if (token == null) {
          break;
        }
        if (token instanceof COSBase operand) {
          if (operands.size() >= MAX_OPERANDS) {
            operands.clear(); // no operator takes that many: junk, as viewers treat it
          }
          operands.add(operand);
          continue;
        }
        Operator operator = (Operator) token;
        boolean keep = true;
        switch (operator.getName()) {
          case "q" -> saves++;
          case "Q" -> {
            if (saves > 0) {
              saves--;
            } else {
              keep = false; // would undo the save made before the content
            }
          }
          case "BT" -> {
            if (inText) {
              keep = false; // text objects do not nest
            } else {
              inText = true;
            }
          }
          case "ET" -> {
            if (inText) {
              inText = false;
            } else {
              keep = false;
            }
          }
          case "BMC", "BDC" -> markedContent++;
          case "EMC" -> {
            if (markedContent > 0) {
              markedContent--;
            } else {
              keep = false;
            }
          }
          case "BX" -> compatibility++;
          case "EX" -> {
            if (compatibility > 0) {
              compatibility--;
            } else {
              keep = false;
            }
          }
          default -> {}
        }
        if (keep) {
          writer.writeTokens(operands);
          writer.writeToken(operator);
        }
        operands.clear();
      }
    } finally {
      parser.close();
      contents.close();
    }
    // Operands without an operator at the end are dropped; then everything still open is closed.
    if (inText) {
      writeLine(out, "ET");
    }
    for (int i = 0; i < markedContent; i++) {
      writeLine(out, "EMC");
    }
    for (int i = 0; i < compatibility; i++) {
      writeLine(out, "EX");
    }
    for (int i = 0; i < saves; i++) {
      writeLine(out, "Q");
    }
  }

  private static void writeLine(OutputStream out, String operator) throws IOException {
    for (int i = 0; i < operator.length(); i++) {
      out.write(operator.charAt(i));
    }
    out.write('\n');
  }

  /** Hands PDFBox's content parser our decoded bytes. */
  private record Source(RandomAccessRead contents) implements PDContentStream {
    @Override
    public RandomAccessRead getContentsForStreamParsing() {
      return contents;
    }

    @Override
    public InputStream getContents() {
      throw new UnsupportedOperationException();
    }

    @Override
    public RandomAccessRead getContentsForRandomAccess() {
      return contents;
    }

    @Override
    public PDResources getResources() {
      return null;
    }

    @Override
    public PDRectangle getBBox() {
      return null;
    }

    @Override
    public Matrix getMatrix() {
      return null;
    }
  }
}

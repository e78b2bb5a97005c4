package org.interlend.copying.scan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.DeflaterOutputStream;

/**
 * A PDF written byte by byte, for files no PDF library would write: any object numbers, objects
 * that are referenced but missing, a page tree of any shape, junk before the header, no end-of-file
 * marker. Objects are written in the order they are added; the cross-reference table lists exactly
 * the objects written, at their true offsets, in as many subsections as needed.
 */
final class RawPdf {

  private final Map<Integer, byte[]> objects = new TreeMap<>();
  private final List<Integer> order = new ArrayList<>();
  private String trailerExtra = "";
  private int root = 1;
  private byte[] prefix = new byte[0];
  private boolean endMarker = true;
  private String version = "1.7";

  /** An object whose body is {@code body} (a dictionary, array, number, ...). */
  RawPdf object(int number, String body) {
    return put(number, ascii(body));
  }

  /**
   * A stream object with {@code dictionary}'s entries (without the brackets) and raw {@code data}.
   */
  RawPdf stream(int number, String dictionary, byte[] data) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(ascii("<< " + dictionary + " /Length " + data.length + " >>\nstream\n"));
    body.writeBytes(data);
    body.writeBytes(ascii("\nendstream"));
    return put(number, body.toByteArray());
  }

  /** A stream of {@code text}, uncompressed. */
  RawPdf stream(int number, String dictionary, String text) {
    return stream(number, dictionary, ascii(text));
  }

  /** A stream of {@code data}, compressed with /FlateDecode. */
  RawPdf deflated(int number, String dictionary, byte[] data) {
    return stream(number, dictionary + " /Filter /FlateDecode", deflate(data));
  }

  RawPdf root(int number) {
    this.root = number;
    return this;
  }

  /** More trailer entries, e.g. {@code /Info 9 0 R}. */
  RawPdf trailer(String extra) {
    this.trailerExtra = " " + extra;
    return this;
  }

  RawPdf prefix(String junk) {
    this.prefix = ascii(junk);
    return this;
  }

  RawPdf withoutEndMarker() {
    this.endMarker = false;
    return this;
  }

  RawPdf version(String version) {
    this.version = version;
    return this;
  }

  private RawPdf put(int number, byte[] body) {
    if (objects.put(number, body) == null) {
      order.add(number);
    }
    return this;
  }

  byte[] bytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(prefix);
    int headerAt = out.size();
    out.writeBytes(ascii("%PDF-" + version + "\n%\u00e2\u00e3\u00cf\u00d3\n"));
    Map<Integer, Long> offsets = new TreeMap<>();
    for (int number : order) {
      // Offsets count from the header, as readers do when junk precedes it.
      offsets.put(number, (long) out.size() - headerAt);
      out.writeBytes(ascii(number + " 0 obj\n"));
      out.writeBytes(objects.get(number));
      out.writeBytes(ascii("\nendobj\n"));
    }
    long xref = out.size() - headerAt;
    StringBuilder table = new StringBuilder("xref\n0 1\n0000000000 65535 f \n");
    List<Integer> numbers = new ArrayList<>(offsets.keySet());
    for (int i = 0; i < numbers.size(); ) {
      int j = i;
      while (j + 1 < numbers.size() && numbers.get(j + 1) == numbers.get(j) + 1) {
        j++;
      }
      table.append(numbers.get(i)).append(' ').append(j - i + 1).append('\n');
      for (int k = i; k <= j; k++) {
        table.append(String.format("%010d 00000 n \n", offsets.get(numbers.get(k))));
      }
      i = j + 1;
    }
    int size = numbers.isEmpty() ? 1 : numbers.get(numbers.size() - 1) + 1;
    table
        .append("trailer\n<< /Size ")
        .append(size)
        .append(" /Root ")
        .append(root)
        .append(" 0 R")
        .append(trailerExtra)
        .append(" >>\nstartxref\n")
        .append(xref)
        .append('\n');
    if (endMarker) {
      table.append("%%EOF\n");
    }
    out.writeBytes(ascii(table.toString()));
    return out.toByteArray();
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  static byte[] deflate(byte[] data) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DeflaterOutputStream out = new DeflaterOutputStream(bytes)) {
      out.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}

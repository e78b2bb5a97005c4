package org.interlend.copying.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.io.RandomAccessRead;

/**
 * Counts the entries a PDF's cross-reference sections declare, before PDFBox reads them.
 *
 * <p>PDFBox keeps an entry in memory (some 200 bytes) for every object a cross-reference section
 * lists. A cross-reference stream is compressed, so a 50 KB file can list five million objects and
 * exhaust a 64 MB heap while it is being opened; a classic table lists each object in 20 bytes of
 * the file. The count follows {@code /Prev} and {@code /XRefStm} from the last {@code startxref}; a
 * section it cannot find is left to PDFBox, which then rebuilds the table from the objects in the
 * file.
 */
final class CrossReferences {

  private static final int TAIL = 1024;
  private static final int MAX_SECTIONS = 256;

  /** How much of a cross-reference stream's dictionary, or of a trailer, is read. */
  private static final int DICTIONARY_WINDOW = 16 * 1024;

  private static final Pattern STARTXREF = Pattern.compile("startxref\\s+(\\d{1,15})");
  private static final Pattern OBJECT = Pattern.compile("\\A\\s*\\d+\\s+\\d+\\s+obj");
  private static final Pattern SUBSECTION =
      Pattern.compile("\\A(\\d{1,15})[ \\t]+(\\d{1,15})[ \\t]*[\\r\\n]");
  private static final Pattern INDEX = Pattern.compile("/Index\\s*\\[([\\d\\s]*)]");
  private static final Pattern SIZE = Pattern.compile("/Size\\s+(\\d{1,15})");
  private static final Pattern PREV = Pattern.compile("/(?:Prev|XRefStm)\\s+(\\d{1,15})");

  private CrossReferences() {}

  /** Entries declared by all cross-reference sections found; 0 if none is found. */
  static long declaredEntries(RandomAccessRead file) throws IOException {
    long length = file.length();
    String tail = read(file, Math.max(0, length - TAIL), TAIL);
    Matcher last = STARTXREF.matcher(tail);
    long start = -1;
    while (last.find()) {
      start = Long.parseLong(last.group(1));
    }
    long entries = 0;
    Deque<Long> sections = new ArrayDeque<>();
    Set<Long> seen = new HashSet<>();
    if (start >= 0) {
      sections.add(start);
    }
    while (!sections.isEmpty() && seen.size() < MAX_SECTIONS) {
      long offset = sections.poll();
      if (offset < 0 || offset >= length || !seen.add(offset)) {
        continue;
      }
      String text = read(file, offset, DICTIONARY_WINDOW);
      String dictionary;
      if (text.stripLeading().startsWith("xref")) {
        long[] table = classicTable(file, offset + text.indexOf("xref") + 4, length);
        entries += table[0];
        dictionary = read(file, table[1], DICTIONARY_WINDOW);
      } else if (OBJECT.matcher(text).lookingAt()) {
        int end = text.indexOf("stream");
        dictionary = end < 0 ? text : text.substring(0, end);
        entries += streamEntries(dictionary);
      } else {
        continue;
      }
      Matcher previous = PREV.matcher(dictionary);
      while (previous.find()) {
        sections.add(Long.parseLong(previous.group(1)));
      }
    }
    return entries;
  }

  /** Entries of a cross-reference stream: the counts of /Index, or /Size without one. */
  private static long streamEntries(String dictionary) {
    Matcher index = INDEX.matcher(dictionary);
    if (index.find()) {
      String[] numbers = index.group(1).strip().split("\\s+");
      long entries = 0;
      for (int i = 1; i < numbers.length; i += 2) {
        entries += parse(numbers[i]);
      }
      return entries;
    }
    Matcher size = SIZE.matcher(dictionary);
    return size.find() ? parse(size.group(1)) : 0;
  }

  /**
   * Reads the subsection headers of a classic table from {@code position} (after "xref"), skipping
   * their 20-byte entries.
   *
   * @return the number of entries, and the position after the table (its trailer)
   */
  private static long[] classicTable(RandomAccessRead file, long position, long length)
      throws IOException {
    long entries = 0;
    while (position < length) {
      String head = read(file, position, 64);
      int skip = 0;
      while (skip < head.length() && Character.isWhitespace(head.charAt(skip))) {
        skip++;
      }
      Matcher subsection = SUBSECTION.matcher(head.substring(skip));
      if (!subsection.lookingAt()) {
        break; // "trailer", or something PDFBox will have to repair
      }
      long count = parse(subsection.group(2));
      entries += count;
      position += skip + subsection.end() + count * 20;
    }
    return new long[] {entries, Math.min(position, length)};
  }

  private static long parse(String digits) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String read(RandomAccessRead file, long position, int max) throws IOException {
    byte[] bytes = new byte[(int) Math.max(0, Math.min(max, file.length() - position))];
    file.seek(position);
    int n = 0;
    while (n < bytes.length) {
      int read = file.read(bytes, n, bytes.length - n);
      if (read < 0) {
        break;
      }
      n += read;
    }
    return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
  }
}

package org.interlend.copying.scan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.interlend.copying.scan.PageTree.SourcePage;
import org.interlend.copying.scan.PageTree.Walk;
import org.interlend.copying.scan.ScanCheck.Reason;

/**
 * Makes the copy delivered to the patron: a cover page with the copyright notice, then every page
 * of the scan with its mark, and nothing else.
 *
 * <p>The copy is a new file written from scratch ({@link CleanCopy}), not the upload saved again:
 *
 * <ul>
 *   <li><b>Clean.</b> Only pages and what they draw are copied. No scripts, actions, attachments,
 *       forms, XFA, rich media, private application data, thumbnails or metadata of the upload
 *       reach the patron; the document information is what the library sets (the request, the
 *       supplier, the date). Visible annotations are flattened under the mark, the rest dropped. An
 *       encrypted upload that opens without a password is delivered decrypted.
 *   <li><b>Marked on every page, inseparably.</b> Each page has one content stream: its own
 *       content, isolated ({@code q ... Q}, with unbalanced operators repaired) so that nothing it
 *       leaves open can shrink, clip or hide what follows, then the mark ({@link Mark}: a faint
 *       diagonal and a footer naming the request and the patron, on a light band). The mark's
 *       resources are direct objects of each page: no one shared object can be removed to unmark
 *       the copy.
 *   <li><b>Normalised.</b> The page tree is rebuilt, flat, from the pages actually reachable, so
 *       the cover is always first and the page count is what viewers show. Objects are numbered 1,
 *       2, 3, ... in the order they are needed, whatever numbers the upload used. A reference to an
 *       object that is not in the file is refused, not written. The copy may not be larger than the
 *       upload plus {@link #FIXED_ALLOWANCE} and {@link #PAGE_ALLOWANCE} a page.
 *   <li><b>Fast and small.</b> Image data is copied from file to file in the kernel; the SHA-256 is
 *       computed on a second thread while the file is written; the heap holds the document's object
 *       structure and a few small buffers, whatever the size of the images.
 * </ul>
 */
public final class Watermarker {

  /** Growth of the copy allowed whatever the number of pages: the cover page and the trailer. */
  public static final long FIXED_ALLOWANCE = 256 * 1024;

  /** Growth of the copy allowed per page: the mark, the new page dictionary, rewritten content. */
  public static final long PAGE_ALLOWANCE = 32 * 1024;

  static final String DIAGONAL_TEXT = Mark.DIAGONAL_TEXT;

  private static final float COVER_MARGIN = 72f;
  private static final float TITLE_SIZE = 16f;
  private static final float BODY_SIZE = 11f;
  private static final float BODY_LEADING = 15f;

  private Watermarker() {}

  /**
   * Writes the marked copy of {@code in} to {@code out} (replacing it) and computes its SHA-256 on
   * the way out, so the caller need not read the file again.
   *
   * @throws UnusableScanException if the upload cannot be turned into a copy (damaged, needs a
   *     password, the copy would be too large, ...), with the reason for the scanning staff;
   *     nothing is left at {@code out}
   * @throws IllegalArgumentException if the text cannot be set in Helvetica; nothing is written
   *     then
   * @throws IOException if {@code in} cannot be opened or {@code out} written; a partly written
   *     {@code out} is deleted
   */
  public static WatermarkResult watermark(Path in, Path out, WatermarkText text)
      throws IOException, UnusableScanException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(text, "text");
    checkText(text); // fails on characters Helvetica lacks before anything is read or written
    long inputSize = Files.size(in);
    Mark mark = new Mark(text.footer());
    boolean written = false;
    try (mark;
        FileSource source = FileSource.open(in)) {
      WatermarkResult result = copy(source, in, inputSize, out, text, mark);
      written = true;
      return result;
    } catch (Refusal refusal) {
      throw refusal.unusable();
    } catch (StackOverflowError e) {
      throw ScanValidator.TOO_DEEP.unusable();
    } catch (PdfOutput.WriteFailure e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new UnusableScanException(
          Reason.UNREADABLE,
          "The PDF could not be copied ("
              + detail(e)
              + "). It may be damaged; please save or scan it again and upload the new file.",
          e);
    } finally {
      if (!written) {
        Files.deleteIfExists(out);
      }
    }
  }

  /**
   * Checks that the cover page and the footer can be printed (Helvetica, WinAnsi characters).
   *
   * @throws IllegalArgumentException if they cannot
   */
  public static void checkText(WatermarkText text) {
    coverContent(text, 0);
    Mark.encodeFooter(text.footer());
  }

  private static WatermarkResult copy(
      FileSource source, Path in, long inputSize, Path out, WatermarkText text, Mark mark)
      throws IOException {
    try (PDDocument document = ScanValidator.open(source, in, inputSize)) {
      COSDocument cos = document.getDocument();
      Walk walk = PageTree.walk(cos, Integer.MAX_VALUE);
      List<SourcePage> pages = walk.pages();
      if (pages.isEmpty()) {
        throw new Refusal(Reason.NO_PAGES, ScanValidator.NO_PAGES_MESSAGE);
      }
      byte[] cover = coverContent(text, pages.size());
      long limit = inputSize + FIXED_ALLOWANCE + PAGE_ALLOWANCE * pages.size();
      String version = cos.getVersion() >= 2.0f ? "2.0" : "1.7";
      Path tempDir = out.toAbsolutePath().getParent();
      try (PdfOutput output =
              PdfOutput.create(
                  out, version, limit, () -> tooLarge(inputSize, limit, pages.size()));
          CleanCopy copy = new CleanCopy(output, source, forbidden(cos, walk), tempDir)) {
        int catalog = output.reserve();
        int tree = output.reserve();
        int info = output.reserve();
        int coverPage = output.reserve();
        int coverStream = output.reserve();
        int[] numbers = new int[pages.size()];
        for (int i = 0; i < numbers.length; i++) {
          numbers[i] = output.reserve();
        }

        output.beginObject(catalog);
        output.ascii("<< /Type /Catalog /Pages ");
        output.reference(tree);
        output.ascii(" >>");
        output.endObject();

        output.beginObject(tree);
        output.ascii("<< /Type /Pages /Count ");
        output.number(pages.size() + 1L);
        output.ascii(" /Kids [");
        output.reference(coverPage);
        for (int number : numbers) {
          output.ascii(number % 10 == 0 ? "\n" : " ");
          output.reference(number);
        }
        output.ascii("] >>");
        output.endObject();

        writeInfo(output, info, text);
        writeCover(output, coverPage, coverStream, tree, cover);
        for (int i = 0; i < numbers.length; i++) {
          copy.writePage(pages.get(i), numbers[i], tree, mark);
        }
        byte[] sha256 = output.finish(catalog, info, fileId(text, inputSize));
        return new WatermarkResult(
            pages.size(), pages.size() + 1, output.position(), HexFormat.of().formatHex(sha256));
      }
    }
  }

  /**
   * Objects the copy must never reach, even through a stray reference from a page's resources: the
   * trailer, the catalog and what hangs directly from it, the document information, and every page
   * tree node and page.
   */
  static Set<COSBase> forbidden(COSDocument document, Walk walk) {
    Set<COSBase> forbidden = Collections.newSetFromMap(new IdentityHashMap<>());
    forbidden.addAll(walk.nodes());
    COSDictionary trailer = document.getTrailer();
    if (trailer != null) {
      forbidden.add(trailer);
      for (COSBase value : trailer.getValues()) {
        add(forbidden, value);
      }
    }
    COSDictionary catalog = PageTree.catalog(document);
    for (COSBase value : catalog.getValues()) {
      add(forbidden, value);
    }
    return forbidden;
  }

  private static void add(Set<COSBase> set, COSBase value) {
    COSBase resolved = PageTree.resolve(value);
    if (resolved instanceof COSDictionary || resolved instanceof COSArray) {
      set.add(resolved);
    }
  }

  private static Refusal tooLarge(long inputSize, long limit, int pages) {
    return new Refusal(
        Reason.TOO_LARGE,
        "The copy of this PDF would be larger than "
            + megabytes(limit)
            + " (the upload is "
            + megabytes(inputSize)
            + " with "
            + pages
            + (pages == 1 ? " page" : " pages")
            + "): it repeats the same content on many pages in a way that cannot be copied compactly. "
            + "Please save it again (for example with \"Print to PDF\") and upload the new file.");
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  private static String detail(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  // ---- document information and cover ------------------------------------------------------

  private static void writeInfo(PdfOutput output, int number, WatermarkText text)
      throws IOException {
    String date = "D:" + text.date().toString().replace("-", "") + "000000+08'00'";
    output.beginObject(number);
    output.ascii("<< /Title ");
    output.hexString(
        textString(
            text.title() != null ? text.title() : "Copy supplied for request " + text.requestId()));
    output.ascii(" /Subject ");
    output.hexString(
        textString(
            "Request "
                + text.requestId()
                + ", patron "
                + text.patronId()
                + (text.supplier() != null ? ", supplied by " + text.supplier() : "")
                + ", "
                + text.formattedDate()
                + ". For research or private study only."));
    output.ascii(" /Creator (Interlend) /Producer (Interlend) /CreationDate ");
    output.hexString(date.getBytes(StandardCharsets.US_ASCII));
    output.ascii(" /ModDate ");
    output.hexString(date.getBytes(StandardCharsets.US_ASCII));
    output.ascii(" >>");
    output.endObject();
  }

  /** A PDF text string: PDFDocEncoding for ASCII, otherwise UTF-16BE with a byte order mark. */
  static byte[] textString(String s) {
    if (s.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      return s.getBytes(StandardCharsets.US_ASCII);
    }
    byte[] utf16 = s.getBytes(StandardCharsets.UTF_16BE);
    byte[] bytes = new byte[utf16.length + 2];
    bytes[0] = (byte) 0xfe;
    bytes[1] = (byte) 0xff;
    System.arraycopy(utf16, 0, bytes, 2, utf16.length);
    return bytes;
  }

  /** The same identifier for the same request, date and upload size: copies are reproducible. */
  private static byte[] fileId(WatermarkText text, long inputSize) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(
          (text.requestId() + "\n" + text.patronId() + "\n" + text.date() + "\n" + inputSize)
              .getBytes(StandardCharsets.UTF_8));
      return Arrays.copyOf(sha.digest(), 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }

  private static void writeCover(PdfOutput output, int page, int stream, int tree, byte[] content)
      throws IOException {
    PDRectangle a4 = PDRectangle.A4;
    output.beginObject(page);
    output.ascii("<< /Type /Page /Parent ");
    output.reference(tree);
    output.ascii(
        " /MediaBox [0 0 "
            + PdfOutput.format(a4.getWidth())
            + " "
            + PdfOutput.format(a4.getHeight())
            + "] /Resources << /Font << /"
            + Mark.FONT.getName()
            + " << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> /InterlendBold"
            + " << /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >> >> >>"
            + " /Contents ");
    output.reference(stream);
    output.ascii(" >>");
    output.endObject();

    ByteArrayOutputStream compressed = new ByteArrayOutputStream(content.length / 2 + 64);
    try (DeflaterOutputStream deflater = new DeflaterOutputStream(compressed)) {
      deflater.write(content);
    }
    output.beginObject(stream);
    output.ascii("<< /Length ");
    output.number(compressed.size());
    output.ascii(" /Filter /FlateDecode >>\nstream\n");
    output.write(compressed.toByteArray());
    output.ascii("\nendstream");
    output.endObject();
  }

  /**
   * Operators of the cover page: the notice and the request's details.
   *
   * @param originalPages pages of the scan
   * @throws IllegalArgumentException if the text has characters Helvetica lacks, or does not fit
   */
  static byte[] coverContent(WatermarkText text, int originalPages) {
    Helvetica regular = Helvetica.REGULAR;
    Helvetica bold = Helvetica.BOLD;
    PDRectangle a4 = PDRectangle.A4;
    float lineWidth = a4.getWidth() - 2 * COVER_MARGIN;

    List<String> body = new ArrayList<>();
    for (String paragraph : text.coverNotice().strip().split("\\R")) {
      if (!paragraph.isBlank()) {
        body.addAll(wrap(regular, paragraph.strip(), BODY_SIZE, lineWidth));
        body.add("");
      }
    }
    body.add("Request: " + text.requestId());
    body.add("Patron: " + text.patronId());
    body.add("Date supplied: " + text.formattedDate());
    body.add("Pages supplied: " + originalPages + " (after this cover page)");

    float top = a4.getHeight() - COVER_MARGIN;
    float needed = TITLE_SIZE * 2 + body.size() * BODY_LEADING;
    if (needed > top - COVER_MARGIN) {
      throw new IllegalArgumentException("The cover notice does not fit on one page");
    }
    StringBuilder s = new StringBuilder(4096);
    s.append("BT\n/InterlendBold ")
        .append(PdfOutput.format(TITLE_SIZE))
        .append(" Tf ")
        .append(PdfOutput.format(COVER_MARGIN))
        .append(' ')
        .append(PdfOutput.format(top - TITLE_SIZE))
        .append(" Td ")
        .append(hex(bold, "Copyright notice", "cover title"))
        .append(" Tj\n/")
        .append(Mark.FONT.getName())
        .append(' ')
        .append(PdfOutput.format(BODY_SIZE))
        .append(" Tf ")
        .append(PdfOutput.format(BODY_LEADING))
        .append(" TL 0 ")
        .append(PdfOutput.format(-TITLE_SIZE * 2))
        .append(" Td\n");
    for (String line : body) {
      s.append(hex(regular, line, "cover notice")).append(" Tj T*\n");
    }
    s.append("ET\n");
    return s.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static String hex(Helvetica font, String text, String what) {
    width(font, text, what);
    return "<" + HexFormat.of().formatHex(font.encode(text)) + ">";
  }

  /** Width of {@code s} at one point; fails for characters the font's encoding lacks. */
  private static float width(Helvetica font, String s, String what) {
    try {
      return font.width(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "The "
              + what
              + " cannot be set in "
              + font.name()
              + " (WinAnsi characters only): "
              + e.getMessage(),
          e);
    }
  }

  /** Greedy word wrap; a single word longer than the line is left to overflow. */
  private static List<String> wrap(Helvetica font, String paragraph, float size, float lineWidth) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : paragraph.split("\\s+")) {
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (!line.isEmpty() && width(font, candidate, "cover notice") * size > lineWidth) {
        lines.add(line.toString());
        line.setLength(0);
        line.append(word);
      } else {
        line.setLength(0);
        line.append(candidate);
      }
    }
    if (!line.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }
}

package org.interlend.copying.scan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.tika.mime.MediaType;
import org.interlend.copying.scan.PageTree.Walk;
import org.interlend.copying.scan.ScanCheck.Accepted;
import org.interlend.copying.scan.ScanCheck.Reason;
import org.interlend.copying.scan.ScanCheck.Rejected;

/**
 * Decides whether an uploaded scan can be delivered.
 *
 * <p>Checks run cheapest first: size, content type (magic bytes, not the file name), then a PDFBox
 * parse that reads the cross-reference table, walks the page tree as viewers do ({@link PageTree})
 * and resolves every object the pages draw with, without decoding any stream ({@link
 * CleanCopy#check}). So what passes here is what {@link Watermarker} can copy: the same walk finds
 * the same pages.
 *
 * <p>It is as lenient as common viewers: a file without an end-of-file marker, with junk before its
 * header, with a wrong page count or a damaged cross-reference table is accepted when its pages and
 * their content can all be found (the copy is written anew, which repairs it); a PDF restricted
 * only by an owner password opens without one and is accepted. Bad input is always reported as a
 * {@link Rejected} outcome, never thrown.
 */
public final class ScanValidator {

  /** Pass as {@code expectedPages} when the request gives no page range. */
  public static final int ANY_PAGE_COUNT = 0;

  /**
   * Most objects a PDF may list. PDFBox keeps some 200 bytes for each entry of the cross-reference
   * table while it opens a file: 150,000 entries keep validation and watermarking within {@code
   * -Xmx64m}. A 2,000-page scan has about 6,000 objects.
   */
  static final long MAX_OBJECTS = 150_000;

  static final String NO_PAGES_MESSAGE =
      "The PDF has no pages. Please check the scan and upload it again.";

  /** Readers accept {@code %%EOF} anywhere in the last 1024 bytes (PDF 32000-1, annex H). */
  private static final int EOF_WINDOW = 1024;

  /** Readers accept the header anywhere in the first 1024 bytes (PDF 32000-1, annex H). */
  private static final int HEADER_WINDOW = 1024;

  /** Where to look for an encryption dictionary when PDFBox cannot open a file. */
  private static final int ENCRYPT_WINDOW = 64 * 1024;

  private static final byte[] EOF_MARKER = ascii("%%EOF");
  private static final byte[] HEADER = ascii("%PDF-");
  private static final byte[] ENCRYPT = ascii("/Encrypt");
  private static final byte[] PUBLIC_KEY = ascii("PubSec");

  private ScanValidator() {}

  /**
   * @param file the upload
   * @param expectedPages number of pages in the requested range, or {@link #ANY_PAGE_COUNT}
   * @param rules size and page limits
   * @return {@link Accepted} with the page count, or {@link Rejected} with the reason
   * @throws IOException only when the file itself cannot be read (missing, no permission)
   */
  public static ScanCheck validate(Path file, int expectedPages, ScanRules rules)
      throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(rules, "rules");
    if (expectedPages < 0) {
      throw new IllegalArgumentException(
          "expectedPages must not be negative, was " + expectedPages);
    }

    long size = Files.size(file);
    if (size == 0) {
      return new Rejected(
          Reason.EMPTY, "The uploaded file is empty (0 bytes). Please upload the scan again.");
    }
    if (size > rules.maxBytes()) {
      return new Rejected(
          Reason.TOO_LARGE,
          "The file is "
              + megabytes(size)
              + " and the limit is "
              + megabytes(rules.maxBytes())
              + ". Please scan in greyscale or at a lower resolution.");
    }

    MediaType type = ContentTypes.detect(file);
    if (!ContentTypes.isA(type, ContentTypes.PDF)
        && indexOf(head(file, size, HEADER_WINDOW), HEADER) < 0) {
      return new Rejected(
          Reason.NOT_PDF,
          "The file is not a PDF: its content is "
              + type.getBaseType()
              + ". Please upload a PDF, or upload page images to be combined into one.");
    }
    boolean complete = indexOf(tail(file, size, EOF_WINDOW), EOF_MARKER) >= 0;
    try (FileSource source = FileSource.open(file)) {
      return inspect(source, file, size, complete, expectedPages, rules);
    }
  }

  private static ScanCheck inspect(
      FileSource source, Path file, long size, boolean complete, int expectedPages, ScanRules rules)
      throws IOException {
    try (PDDocument document = open(source, file, size)) {
      COSDocument cos = document.getDocument();
      Walk walk = PageTree.walk(cos, rules.maxPages());
      int pages = walk.count();
      if (pages == 0) {
        return new Rejected(Reason.NO_PAGES, NO_PAGES_MESSAGE);
      }
      if (pages > rules.maxPages()) {
        return new Rejected(
            Reason.TOO_LARGE,
            "The PDF has "
                + pages
                + " pages and the limit is "
                + rules.maxPages()
                + ". Please check the scan, or split the request.");
      }
      if (expectedPages != ANY_PAGE_COUNT
          && Math.abs(pages - expectedPages) > rules.pageTolerance()) {
        return new Rejected(
            Reason.PAGE_COUNT,
            "The request is for "
                + expectedPages
                + " pages ("
                + Math.max(1, expectedPages - rules.pageTolerance())
                + " to "
                + (expectedPages + rules.pageTolerance())
                + " accepted) but the PDF has "
                + pages
                + (pages == 1 ? " page" : " pages")
                + ". Please check that the requested pages were scanned.");
      }
      CleanCopy.check(walk.pages(), Watermarker.forbidden(cos, walk));
      return new Accepted(pages, size);
    } catch (Refusal refusal) {
      if (!complete && refusal.reason() == Reason.UNREADABLE) {
        return incomplete(refusal.getMessage());
      }
      return refusal.rejected();
    } catch (IOException | RuntimeException e) {
      // The file was readable a moment ago, so this is the parser giving up on its content.
      return complete ? unreadable(e) : incomplete(null);
    } catch (StackOverflowError e) {
      return TOO_DEEP.rejected(); // PDFBox parses nested arrays and dictionaries recursively
    }
  }

  /** For nesting so deep that the parser runs out of stack before our own limit applies. */
  static final Refusal TOO_DEEP =
      new Refusal(
          Reason.TOO_COMPLEX,
          "The PDF cannot be processed: it nests its "
              + "objects too deeply. Please save it again (for example with \"Print to PDF\") and upload the new file.");

  /**
   * Opens a PDF for the validator and the watermarker, without a password.
   *
   * @param file the file {@code source} reads, to look for an encryption dictionary when it cannot
   *     be opened
   * @throws Refusal if the PDF lists more than {@link #MAX_OBJECTS} objects, needs a password or
   *     cannot be decrypted
   */
  static PDDocument open(FileSource source, Path file, long size) throws IOException {
    long objects = CrossReferences.declaredEntries(source);
    if (objects > MAX_OBJECTS) {
      throw new Refusal(
          Reason.TOO_COMPLEX,
          "The PDF cannot be processed: its cross-reference table lists "
              + objects
              + " objects, and a scan needs far fewer (the limit is "
              + MAX_OBJECTS
              + "). Please "
              + "save it again (for example with \"Print to PDF\") and upload the new file.");
    }
    source.seek(0);
    try {
      return Loader.loadPDF(source, "", null, null, IOUtils.createTempFileOnlyStreamCache());
    } catch (InvalidPasswordException e) {
      throw encrypted("needs a password to open");
    } catch (IOException | RuntimeException e) {
      byte[] tail = tail(file, size, ENCRYPT_WINDOW);
      if (indexOf(tail, ENCRYPT) >= 0) {
        throw indexOf(tail, PUBLIC_KEY) >= 0
            ? encrypted(
                "is encrypted for particular recipients (with certificates), so it cannot be "
                    + "opened here")
            : encrypted("is encrypted in a way that cannot be opened here (" + detail(e) + ")");
      }
      throw e;
    }
  }

  private static Refusal encrypted(String how) {
    return new Refusal(
        Reason.ENCRYPTED,
        "The PDF "
            + how
            + ". Please save it without a password or "
            + "security settings (for example \"Print to PDF\") and upload it again.");
  }

  private static Rejected unreadable(Exception e) {
    return new Rejected(
        Reason.UNREADABLE,
        "The PDF could not be read ("
            + detail(e)
            + "). It may be damaged; please save or scan it again and upload the new file.");
  }

  /** A damaged PDF without an end-of-file marker: most likely the upload was cut off. */
  private static Rejected incomplete(String problem) {
    return new Rejected(
        Reason.UNREADABLE,
        "The PDF is incomplete: it has no end-of-file marker"
            + (problem == null
                ? " and cannot be read"
                : " and parts of it are missing (" + problem + ")")
            + ". It was probably cut off during upload or saving. Please upload it again.");
  }

  private static String detail(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static byte[] head(Path file, long size, int window) throws IOException {
    return read(file, 0, (int) Math.min(size, window));
  }

  private static byte[] tail(Path file, long size, int window) throws IOException {
    int length = (int) Math.min(size, window);
    return read(file, size - length, length);
  }

  private static byte[] read(Path file, long position, int length) throws IOException {
    ByteBuffer bytes = ByteBuffer.allocate(length);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      while (bytes.hasRemaining()) {
        if (channel.read(bytes, position + bytes.position()) < 0) {
          break; // shrank while we looked
        }
      }
    }
    return Arrays.copyOf(bytes.array(), bytes.position());
  }

  private static int indexOf(byte[] bytes, byte[] marker) {
    outer:
    for (int i = 0; i <= bytes.length - marker.length; i++) {
      for (int j = 0; j < marker.length; j++) {
        if (bytes[i + j] != marker[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }
}

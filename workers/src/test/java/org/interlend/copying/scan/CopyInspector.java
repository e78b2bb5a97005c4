package org.interlend.copying.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Checks on a delivered copy, with PDFBox (always) and with Debian's qpdf and poppler tools (when
 * installed; {@link #haveTools()}).
 */
final class CopyInspector {

  /** Keys that must not appear in any dictionary of a copy. */
  private static final Set<String> FORBIDDEN_KEYS =
      Set.of(
          "JS",
          "JavaScript",
          "AA",
          "OpenAction",
          "A",
          "URI",
          "Launch",
          "EmbeddedFiles",
          "EmbeddedFile",
          "EF",
          "AF",
          "XFA",
          "AcroForm",
          "RichMediaContent",
          "RichMediaSettings",
          "PieceInfo",
          "Metadata",
          "Thumb",
          "Annots",
          "Names",
          "Outlines",
          "Encrypt",
          "StructTreeRoot",
          "Collection",
          "Dests");

  private static final Set<String> ACTIONS =
      Set.of(
          "JavaScript",
          "Launch",
          "URI",
          "GoToR",
          "GoToE",
          "SubmitForm",
          "ResetForm",
          "ImportData",
          "Named",
          "Hide",
          "Rendition",
          "RichMediaExecute",
          "SetOCGState",
          "Sound",
          "Movie",
          "Thread",
          "GoTo3DView",
          "Trans",
          "GoTo");
  private static final Set<String> FORBIDDEN_TYPES =
      Set.of("Filespec", "EmbeddedFile", "Action", "Annot", "Metadata", "Outlines");
  private static final Set<String> PAGE_KEYS =
      Set.of(
          "Type",
          "Parent",
          "MediaBox",
          "CropBox",
          "Rotate",
          "Resources",
          "Contents",
          "UserUnit",
          "Group");
  private static final Set<String> INFO_KEYS =
      Set.of("Title", "Subject", "Creator", "Producer", "CreationDate", "ModDate");

  private CopyInspector() {}

  /**
   * The copy has nothing active or hidden: only the keys a copy writes in the catalog, the page
   * tree, the pages and the information dictionary; no scripts, actions, attachments, forms, rich
   * media, private data, metadata or thumbnails anywhere; none of {@code secrets} in any string or
   * stream, decoded or not.
   */
  static void assertClean(Path copy, List<String> secrets) throws IOException {
    String raw = new String(Files.readAllBytes(copy), StandardCharsets.ISO_8859_1);
    for (String secret : secrets) {
      assertThat(raw).as("raw bytes of the copy").doesNotContain(secret);
    }
    try (PDDocument document = Loader.loadPDF(copy.toFile())) {
      COSDocument cos = document.getDocument();
      assertThat(document.isEncrypted()).as("encrypted").isFalse();
      assertThat(names(cos.getTrailer())).as("trailer").containsOnly("Size", "Root", "Info", "ID");
      COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
      assertThat(names(catalog)).as("catalog").containsOnly("Type", "Pages");
      assertThat(names(document.getDocumentInformation().getCOSObject()))
          .as("document information")
          .isSubsetOf(INFO_KEYS);
      for (int i = 0; i < document.getNumberOfPages(); i++) {
        assertThat(names(document.getPage(i).getCOSObject()))
            .as("page %d", i + 1)
            .isSubsetOf(PAGE_KEYS);
      }
      for (COSObjectKey key : new ArrayList<>(cos.getXrefTable().keySet())) {
        COSBase object = cos.getObjectFromPool(key).getObject();
        assertThat(object).as("object %s is in the file", key).isNotNull();
        inspect(object, secrets, key.toString(), 0);
      }
    }
  }

  private static void inspect(COSBase value, List<String> secrets, String where, int depth)
      throws IOException {
    if (value instanceof COSObject || depth > 100) {
      return; // indirect objects are inspected on their own
    }
    if (value instanceof COSString string) {
      String text = string.getString();
      for (String secret : secrets) {
        assertThat(text).as("string in %s", where).doesNotContain(secret);
      }
    } else if (value instanceof COSArray array) {
      for (COSBase item : array) {
        inspect(item, secrets, where, depth + 1);
      }
    } else if (value instanceof COSDictionary dictionary) {
      for (Map.Entry<COSName, COSBase> entry : dictionary.entrySet()) {
        String key = entry.getKey().getName();
        assertThat(key).as("key in %s", where).isNotIn(FORBIDDEN_KEYS);
        if (key.equals("S") && entry.getValue() instanceof COSName s) {
          assertThat(s.getName()).as("/S in %s", where).isNotIn(ACTIONS);
        }
        if (key.equals("Type") && entry.getValue() instanceof COSName type) {
          assertThat(type.getName()).as("/Type in %s", where).isNotIn(FORBIDDEN_TYPES);
        }
        inspect(entry.getValue(), secrets, where, depth + 1);
      }
      if (dictionary instanceof COSStream stream) {
        String decoded;
        try (InputStream in = stream.createInputStream()) {
          decoded = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        for (String secret : secrets) {
          assertThat(decoded).as("decoded stream %s", where).doesNotContain(secret);
        }
      }
    }
  }

  private static List<String> names(COSDictionary dictionary) {
    return dictionary.keySet().stream().map(COSName::getName).toList();
  }

  /** Text of one page (1-based), whitespace collapsed, as PDFBox extracts it. */
  static String pageText(PDDocument document, int page) throws IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setStartPage(page);
    stripper.setEndPage(page);
    return stripper.getText(document).replaceAll("\\s+", " ");
  }

  // ---- qpdf and poppler --------------------------------------------------------------------

  static final String TOOLS_MISSING =
      "qpdf and poppler-utils (pdftoppm, pdftotext) are not installed: "
          + "apt-get install qpdf poppler-utils (./interlend test installs them when run as root)";

  static boolean haveTools() {
    return onPath("qpdf") && onPath("pdftoppm") && onPath("pdftotext");
  }

  private static boolean onPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  record Run(int exit, String output) {}

  static Run run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(command + " did not finish in 60 s");
    }
    return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  /** {@code qpdf --check} finds no errors and no warnings. */
  static void assertQpdfClean(Path copy) throws IOException, InterruptedException {
    Run check = run(List.of("qpdf", "--check", copy.toString()));
    assertThat(check.output())
        .as("qpdf --check")
        .contains("No syntax or stream encoding errors found")
        .doesNotContainIgnoringCase("warning")
        .doesNotContainIgnoringCase("error:");
    assertThat(check.exit()).as("qpdf --check exit code:%n%s", check.output()).isZero();
  }

  /** Text of one page (1-based) as poppler extracts it, whitespace collapsed. */
  static String popplerText(Path copy, int page) throws IOException, InterruptedException {
    Run text =
        run(List.of("pdftotext", "-q", "-f", "" + page, "-l", "" + page, copy.toString(), "-"));
    assertThat(text.exit()).as("pdftotext exit code").isZero();
    return text.output().replaceAll("\\s+", " ");
  }

  /**
   * One page (1-based) as viewers show it (crop box), rendered by poppler in greyscale at 72 dpi.
   */
  static Grey render(Path copy, int page, Path dir) throws IOException, InterruptedException {
    Path prefix = dir.resolve("render-" + page);
    Run run =
        run(
            List.of(
                "pdftoppm",
                "-q",
                "-cropbox",
                "-gray",
                "-r",
                "72",
                "-f",
                "" + page,
                "-l",
                "" + page,
                "-singlefile",
                copy.toString(),
                prefix.toString()));
    assertThat(run.exit()).as("pdftoppm exit code: %s", run.output()).isZero();
    return Grey.readPgm(Files.readAllBytes(prefix.resolveSibling(prefix.getFileName() + ".pgm")));
  }

  /** A greyscale image. */
  record Grey(int width, int height, byte[] pixels) {
    int at(int x, int y) {
      return pixels[y * width + x] & 0xff;
    }

    /** Parses a binary PGM (P5) as pdftoppm writes it. */
    static Grey readPgm(byte[] pgm) {
      int[] fields = new int[3];
      int position = 2; // after "P5"
      for (int i = 0; i < 3; i++) {
        while (Character.isWhitespace(pgm[position])) {
          position++;
        }
        int value = 0;
        while (Character.isDigit(pgm[position])) {
          value = value * 10 + (pgm[position++] - '0');
        }
        fields[i] = value;
      }
      position++; // the single whitespace before the pixels
      byte[] pixels = new byte[fields[0] * fields[1]];
      System.arraycopy(pgm, position, pixels, 0, pixels.length);
      return new Grey(fields[0], fields[1], pixels);
    }
  }

  /**
   * The mark is drawn and visible at the foot of the page as displayed: within the band, most
   * pixels are light (the band, or white paper) and the footer's letters are dark.
   */
  static void assertFooterVisible(Grey image, String what) {
    int bandTop = image.height() - 21;
    int light = 0;
    int dark = 0;
    int total = 0;
    for (int y = bandTop; y < image.height() - 2; y++) {
      for (int x = 0; x < image.width(); x++) {
        int grey = image.at(x, y);
        total++;
        if (grey >= 200) {
          light++;
        } else if (grey < 100) {
          dark++;
        }
      }
    }
    assertThat(light).as("light pixels of the band on %s", what).isGreaterThan(total / 2);
    assertThat(dark).as("dark pixels of the footer text on %s", what).isGreaterThan(150);
  }
}

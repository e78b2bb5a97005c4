package org.interlend.copying.scan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.interlend.copying.scan.ScanCheck.Reason;

/**
 * Broken and hostile PDFs, made here byte by byte (or with PDFBox where it writes what we need): no
 * third-party files. Each case says whether it must be delivered or refused, and with which reason.
 * Everything is deterministic.
 *
 * <p>Secrets ({@link #SECRETS}) are planted in what must not reach the patron (scripts,
 * attachments, XFA data, rich media, private data, metadata); a delivered copy must contain none of
 * them, in any stream or string.
 *
 * <p>{@code main(dir)} writes the files out, for a look with other tools.
 */
public final class HostileCorpus {

  /** Text that appears only in content that must be removed. */
  public static final List<String> SECRETS =
      List.of(
          "app.alert",
          "calc.exe",
          "cmd.exe",
          "UNWATERMARKED ORIGINAL",
          "tracker.example",
          "xfa:datasets",
          "RICHMEDIA PAYLOAD",
          "PRIVATE APP DATA",
          "SECRET XMP",
          "Secret Author",
          "submit.example",
          "this.print",
          "THUMBNAIL",
          "OUTLINE SECRET");

  /**
   * One file and what must happen to it.
   *
   * @param pages pages the copy must have without the cover, for a delivered file
   * @param refusal reason of the refusal, null for a delivered file
   * @param message part of the refusal message, or null
   */
  public record Case(String name, byte[] pdf, int pages, Reason refusal, String message) {
    public boolean delivered() {
      return refusal == null;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private HostileCorpus() {}

  public static void main(String[] args) throws IOException {
    Path dir = Files.createDirectories(Path.of(args[0]));
    for (Case c : cases()) {
      Files.write(dir.resolve(c.name()), c.pdf());
    }
  }

  private static List<Case> cases;

  /** The corpus, made once per JVM. */
  public static synchronized List<Case> cases() {
    if (cases == null) {
      cases = List.copyOf(make());
    }
    return cases;
  }

  private static List<Case> make() {
    List<Case> cases = new ArrayList<>();
    // scripts and actions
    cases.add(deliver("javascript.pdf", 1, javascript()));
    cases.add(
        deliver(
            "launch-action.pdf",
            1,
            page(
                    "/OpenAction << /S /Launch /F (calc.exe) /Win << /F (cmd.exe) "
                        + "/P (/c calc.exe) >> /NewWindow true >>",
                    "",
                    TEXT)
                .bytes()));
    cases.add(deliver("every-action-type.pdf", 1, everyAction()));
    cases.add(
        deliver(
            "additional-actions.pdf",
            1,
            page(
                    "/AA << /WC << /S /JavaScript /JS (app.alert('close')) >> /WP << /S /URI /URI (http://tracker.example/print) >> >>",
                    "/AA << /O << /S /JavaScript /JS (app.alert('open')) >> /C << /S /Launch /F (calc.exe) >> >>",
                    TEXT)
                .bytes()));
    cases.add(deliver("open-action-goto-and-outline.pdf", 1, outlineWithActions()));
    // hidden payloads
    cases.add(deliver("attachments.pdf", 1, attachments()));
    cases.add(deliver("xfa-form.pdf", 1, xfa()));
    cases.add(deliver("richmedia.pdf", 1, richMedia()));
    cases.add(deliver("private-data.pdf", 1, privateData()));
    // things that hid, shrank or covered the mark
    cases.add(deliver("annotation-over-content.pdf", 1, annotationOverContent()));
    cases.add(
        deliver(
            "open-saves-scaled-and-clipped.pdf",
            1,
            page(
                    "",
                    "",
                    "q q q 0.1 0 0 0.1 0 0 cm 0 0 50 50 re W n 0.5 g 0 0 100 100 re f\n" + TEXT)
                .bytes()));
    cases.add(
        deliver(
            "surplus-restores.pdf",
            1,
            page("", "", "Q Q Q 0.05 0 0 0.05 0 0 cm " + TEXT + " Q\n0 0 5 5 re W n").bytes()));
    cases.add(
        deliver("clip-left-open.pdf", 1, page("", "", TEXT + "\n0 0 1 1 re W n 1 g").bytes()));
    cases.add(
        deliver(
            "unclosed-text-object.pdf",
            1,
            page("", "", "BT /F1 24 Tf 72 700 Td (Scanned text) Tj 7 Tr 1 g 0 -30 Td (more) Tj")
                .bytes()));
    cases.add(
        deliver(
            "invisible-text-mode-and-white-fill.pdf",
            1,
            page("", "", TEXT + " BT 3 Tr ET 1 1 1 rg 1 1 1 RG 40 w").bytes()));
    cases.add(deliver("hidden-optional-content-left-open.pdf", 1, hiddenOptionalContent()));
    cases.add(deliver("form-xobject-unbalanced.pdf", 1, unbalancedForm()));
    cases.add(
        deliver(
            "inline-image.pdf",
            1,
            page(
                    "",
                    "",
                    TEXT
                        + "\nq 100 0 0 100 72 500 cm BI /W 4 /H 4 /CS /G /BPC 8 ID \u0000\u0040\u0080\u00ff\u0000\u0040\u0080"
                        + "\u00ff\u0000\u0040\u0080\u00ff\u0000\u0040\u0080\u00ff EI Q")
                .bytes()));
    // page trees
    cases.add(deliver("page-tree-root-is-a-page.pdf", 1, rootIsAPage()));
    cases.add(deliver("page-parent-is-the-catalog.pdf", 2, parentIsCatalog()));
    cases.add(deliver("page-count-wrong.pdf", 2, wrongCount()));
    cases.add(deliver("null-and-junk-kids.pdf", 2, junkKids()));
    cases.add(deliver("inherited-attributes-no-media-box.pdf", 2, inheritedAttributes()));
    cases.add(
        deliver(
            "rotated-and-cropped.pdf",
            1,
            page("", "/Rotate 90 /CropBox [40 60 560 800]", TEXT).bytes()));
    cases.add(refuse("page-tree-loop.pdf", Reason.UNREADABLE, "loops", pageTreeLoop()));
    // missing objects
    cases.add(
        refuse(
            "missing-content-stream.pdf", Reason.UNREADABLE, "not in the file", missingContent()));
    cases.add(refuse("missing-font.pdf", Reason.UNREADABLE, "not in the file", missingFont()));
    cases.add(refuse("missing-page.pdf", Reason.UNREADABLE, "not in the file", missingPage()));
    cases.add(
        deliver(
            "missing-objects-only-in-dropped-parts.pdf",
            1,
            page("/OpenAction 77 0 R /Metadata 78 0 R", "/Thumb 79 0 R /Annots [80 0 R]", TEXT)
                .trailer("/Info 81 0 R")
                .bytes()));
    // numbering and size
    cases.add(deliver("object-number-1000000.pdf", 1, hugeNumbers(1_000_000)));
    cases.add(deliver("object-number-40000000.pdf", 1, hugeNumbers(40_000_000)));
    cases.add(
        refuse(
            "shared-content-repeated-on-many-pages.pdf",
            Reason.TOO_LARGE,
            "larger than",
            sharedIncompressibleContent()));
    cases.add(
        refuse(
            "content-bomb.pdf", Reason.TOO_COMPLEX, "MB of drawing instructions", contentBomb()));
    cases.add(
        refuse(
            "cross-reference-bomb.pdf",
            Reason.TOO_COMPLEX,
            "lists 5000000 objects",
            crossReferenceBomb(5_000_000)));
    cases.add(deliver("cross-reference-stream.pdf", 1, crossReferenceBomb(4)));
    cases.add(
        refuse("deep-nesting.pdf", Reason.TOO_COMPLEX, "nests its objects", deepNesting(300)));
    cases.add(
        refuse(
            "stack-exhausting-nesting.pdf",
            Reason.TOO_COMPLEX,
            "nests its objects",
            deepNesting(500_000)));
    // encryption
    cases.add(deliver("owner-password-only-rc4.pdf", 2, encrypted("", 128, false)));
    cases.add(deliver("owner-password-only-aes256.pdf", 2, encrypted("", 256, true)));
    cases.add(
        refuse(
            "user-password.pdf",
            Reason.ENCRYPTED,
            "needs a password",
            encrypted("open-sesame", 128, true)));
    // damaged but opened by viewers
    cases.add(
        deliver("no-end-of-file-marker.pdf", 1, page("", "", TEXT).withoutEndMarker().bytes()));
    cases.add(
        deliver(
            "junk-before-header.pdf",
            1,
            page("", "", TEXT)
                .prefix("HTTP/1.1 200 OK\r\nContent-Type: " + "application/pdf\r\n\r\n")
                .bytes()));
    cases.add(deliver("broken-cross-reference-offsets.pdf", 1, brokenXref()));
    cases.add(refuse("cut-off-upload.pdf", Reason.UNREADABLE, "incomplete", cutOff()));
    return cases;
  }

  private static Case deliver(String name, int pages, byte[] pdf) {
    return new Case(name, pdf, pages, null, null);
  }

  private static Case refuse(String name, Reason reason, String message, byte[] pdf) {
    return new Case(name, pdf, 0, reason, message);
  }

  // ---- building blocks ---------------------------------------------------------------------

  /** A line of page text in /F1 (Helvetica). */
  static final String TEXT = "BT /F1 18 Tf 72 760 Td (Scanned page text) Tj ET";

  private static final String FONT =
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";

  /**
   * One A4 page: 1 catalog, 2 page tree, 3 page, 4 content, 5 font; objects from 10 are free for
   * the caller.
   */
  private static RawPdf page(String catalogExtra, String pageExtra, String content) {
    return page(catalogExtra, pageExtra, "/Font << /F1 5 0 R >>", content);
  }

  private static RawPdf page(
      String catalogExtra, String pageExtra, String resources, String content) {
    return new RawPdf()
        .object(1, "<< /Type /Catalog /Pages 2 0 R " + catalogExtra + " >>")
        .object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
        .object(
            3,
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << "
                + resources
                + " >> "
                + "/Contents 4 0 R "
                + pageExtra
                + " >>")
        .deflated(4, "", RawPdf.ascii(content))
        .object(5, FONT);
  }

  private static byte[] javascript() {
    return page(
            "/OpenAction << /S /JavaScript /JS (app.alert\\('opened'\\); this.print\\(\\)) >> "
                + "/Names << /JavaScript << /Names [(doc) 10 0 R] >> >>",
            "/AA << /O 11 0 R >>",
            TEXT)
        .stream(10, "/Type /Action /S /JavaScript /JS 12 0 R", "")
        .object(
            11,
            "<< /S /JavaScript /JS (app.alert\\(1\\)) /Next << /S /JavaScript /JS (this.print\\(\\)) >> >>")
        .deflated(12, "", RawPdf.ascii("app.alert('from a stream')"))
        .bytes();
  }

  private static byte[] everyAction() {
    String[] actions = {
      "/S /URI /URI (http://tracker.example/open)",
      "/S /GoToR /F (other.pdf) /D [0 /Fit]",
      "/S /GoToE /T << /R /C /N (UNWATERMARKED ORIGINAL) >> /D [0 /Fit]",
      "/S /Launch /F (calc.exe)",
      "/S /SubmitForm /F << /FS /URL /F (http://submit.example/) >>",
      "/S /ResetForm",
      "/S /ImportData /F (calc.exe)",
      "/S /Named /N /Print",
      "/S /Hide /T (x)",
      "/S /JavaScript /JS (app.alert\\(2\\))",
      "/S /Rendition /OP 0 /JS (app.alert\\(3\\))",
      "/S /SetOCGState /State [/OFF]",
      "/S /Sound /Sound 20 0 R",
      "/S /Movie /T (m)",
      "/S /Thread /D 0",
      "/S /Trans /Trans << /S /Dissolve >>",
      "/S /GoTo3DView /TA 21 0 R /V 0",
      "/S /RichMediaExecute /TA 21 0 R /CMD << /C (play) >>",
    };
    RawPdf pdf = page("", "/Annots [" + annotationRefs(30, actions.length) + "]", TEXT);
    for (int i = 0; i < actions.length; i++) {
      pdf.object(
          30 + i,
          "<< /Type /Annot /Subtype /Link /Rect ["
              + (72 + i * 20)
              + " 100 "
              + (90 + i * 20)
              + " 120] /Border [0 0 0] /A << "
              + actions[i]
              + " >> >>");
    }
    pdf.stream(20, "/Type /Sound /R 8000", "UNWATERMARKED ORIGINAL");
    pdf.object(21, "<< /Type /Annot /Subtype /3D /Rect [0 0 1 1] >>");
    return pdf.bytes();
  }

  private static String annotationRefs(int first, int count) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < count; i++) {
      s.append(first + i).append(" 0 R ");
    }
    return s.toString();
  }

  private static byte[] outlineWithActions() {
    return page("/OpenAction [3 0 R /Fit] /Outlines 10 0 R /PageMode /UseOutlines", "", TEXT)
        .object(10, "<< /Type /Outlines /First 11 0 R /Last 11 0 R /Count 1 >>")
        .object(
            11,
            "<< /Title (OUTLINE SECRET) /Parent 10 0 R /A << /S /JavaScript /JS (app.alert\\(4\\)) >> >>")
        .bytes();
  }

  private static byte[] attachments() {
    return page(
            "/Names << /EmbeddedFiles << /Names [(original.pdf) 10 0 R] >> >> /AF [10 0 R] "
                + "/PageMode /UseAttachments",
            "/Annots [12 0 R] /AF [10 0 R]",
            TEXT)
        .object(
            10,
            "<< /Type /Filespec /F (original.pdf) /UF (original.pdf) /EF << /F 11 0 R >> "
                + "/AFRelationship /Source >>")
        .deflated(
            11,
            "/Type /EmbeddedFile /Subtype /application#2Fpdf",
            RawPdf.ascii("%PDF-1.7 UNWATERMARKED ORIGINAL, all 300 pages of the book"))
        .object(
            12,
            "<< /Type /Annot /Subtype /FileAttachment /Rect [72 72 92 92] /FS 10 0 R "
                + "/Contents (UNWATERMARKED ORIGINAL) /AP << /N 13 0 R >> >>")
        .stream(13, "/Type /XObject /Subtype /Form /BBox [0 0 20 20]", "0 0 1 rg 0 0 20 20 re f")
        .bytes();
  }

  private static byte[] xfa() {
    return page(
            "/AcroForm << /Fields [10 0 R] /XFA [(datasets) 11 0 R] /NeedsRendering true "
                + "/DR << /Font << /Helv 5 0 R >> >> /DA (/Helv 0 Tf 0 g) >>",
            "/Annots [10 0 R]",
            TEXT)
        .object(
            10,
            "<< /Type /Annot /Subtype /Widget /FT /Tx /T (name) /V (Field value) /Rect [72 600 300 630] "
                + "/P 3 0 R /AP << /N 12 0 R >> /AA << /K << /S /JavaScript /JS (app.alert\\(5\\)) >> >> "
                + "/A << /S /SubmitForm /F << /FS /URL /F (http://submit.example/) >> >> >>")
        .deflated(
            11,
            "",
            RawPdf.ascii(
                "<xfa:datasets xmlns:xfa=\"http://www.xfa.org/schema/xfa-data/1.0/\">"
                    + "<data>UNWATERMARKED ORIGINAL</data></xfa:datasets>"))
        .stream(
            12,
            "/Type /XObject /Subtype /Form /BBox [0 0 228 30] /Resources << /Font << /Helv 5 0 R >> >>",
            "/Tx BMC BT /Helv 12 Tf 2 10 Td (Field value) Tj ET EMC")
        .bytes();
  }

  private static byte[] richMedia() {
    return page("", "/Annots [10 0 R]", TEXT)
        .object(
            10,
            "<< /Type /Annot /Subtype /RichMedia /Rect [72 300 372 500] /AP << /N 11 0 R >> "
                + "/RichMediaContent << /Assets << /Names [(movie.swf) 12 0 R] >> /Configurations [] >> "
                + "/RichMediaSettings << /Activation << /Condition /PO >> >> >>")
        .stream(11, "/Type /XObject /Subtype /Form /BBox [0 0 300 200]", "0.5 g 0 0 300 200 re f")
        .object(12, "<< /Type /Filespec /F (movie.swf) /UF (movie.swf) /EF << /F 13 0 R >> >>")
        .stream(13, "/Type /EmbeddedFile", "RICHMEDIA PAYLOAD")
        .bytes();
  }

  private static byte[] privateData() {
    String xmp =
        "<?xpacket begin=''?><x:xmpmeta xmlns:x='adobe:ns:meta/'>SECRET XMP</x:xmpmeta><?xpacket end='w'?>";
    return page(
            "/PieceInfo << /Illustrator << /Private (PRIVATE APP DATA) /LastModified (D:2026) >> >> "
                + "/Metadata 10 0 R /PageLabels << /Nums [0 << /P (PRIVATE APP DATA) >>] >>",
            "/PieceInfo << /App << /Private 11 0 R >> >> /Thumb 12 0 R /Metadata 10 0 R",
            "/Font << /F1 5 0 R >> /XObject << /Im1 13 0 R /Fm1 14 0 R >>",
            TEXT + "\nq 100 0 0 100 72 500 cm /Im1 Do Q /Fm1 Do")
        .trailer("/Info 15 0 R")
        .stream(10, "/Type /Metadata /Subtype /XML", xmp)
        .stream(11, "", "PRIVATE APP DATA")
        .stream(12, "/Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8", "THUMBNAIL")
        .stream(
            13,
            "/Type /XObject /Subtype /Image /Width 2 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 "
                + "/Metadata 10 0 R /PieceInfo << /App << /Private (PRIVATE APP DATA) >> >>",
            "\u0000\u00ff")
        .stream(
            14,
            "/Type /XObject /Subtype /Form /BBox [0 0 595 842] /PieceInfo << /App << /Private 11 0 R >> >> "
                + "/Metadata 10 0 R",
            "0 0 1 rg 72 400 50 50 re f")
        .object(15, "<< /Author (Secret Author) /Title (PRIVATE APP DATA) /Custom (SECRET XMP) >>")
        .bytes();
  }

  /** An opaque square annotation over the whole page, above where the footer goes. */
  private static byte[] annotationOverContent() {
    return page("", "/Annots [10 0 R 12 0 R]", TEXT)
        .object(
            10, "<< /Type /Annot /Subtype /Square /Rect [0 0 595 842] /F 4 /AP << /N 11 0 R >> >>")
        .stream(11, "/Type /XObject /Subtype /Form /BBox [0 0 595 842]", "0 g 0 0 595 842 re f")
        .object(
            12,
            "<< /Type /Annot /Subtype /FreeText /Rect [72 700 300 730] /Contents (note) "
                + "/AP << /N 13 0 R >> >>")
        .stream(
            13,
            "/BBox [0 0 228 30] /Resources << /Font << /F1 5 0 R >> >>",
            "1 g 0 0 228 30 re f BT /F1 12 Tf 0 g 2 10 Td (Annotation text) Tj ET")
        .bytes();
  }

  /** Content inside optional content that is off, left open: the mark must not inherit it. */
  private static byte[] hiddenOptionalContent() {
    return page(
            "/OCProperties << /OCGs [10 0 R] /D << /OFF [10 0 R] /Order [10 0 R] >> >>",
            "",
            "/Font << /F1 5 0 R >> /Properties << /oc1 10 0 R >>",
            TEXT + "\n/OC /oc1 BDC 0 0 1 rg 72 400 100 100 re f")
        .object(10, "<< /Type /OCG /Name (Hidden layer) >>")
        .bytes();
  }

  private static byte[] unbalancedForm() {
    return page("", "", "/Font << /F1 5 0 R >> /XObject << /Fm1 10 0 R >>", "/Fm1 Do").stream(
            10,
            "/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >>",
            "Q Q " + TEXT + " q q 0.05 0 0 0.05 0 0 cm 0 0 10 10 re W n BT /F1 12 Tf")
        .bytes();
  }

  private static byte[] rootIsAPage() {
    return new RawPdf()
        .object(1, "<< /Type /Catalog /Pages 3 0 R >>")
        .object(
            3,
            "<< /Type /Page /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>")
        .deflated(4, "", RawPdf.ascii(TEXT))
        .object(5, FONT)
        .bytes();
  }

  private static byte[] parentIsCatalog() {
    return new RawPdf()
        .object(1, "<< /Type /Catalog /Pages 2 0 R >>")
        .object(2, "<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 /MediaBox [0 0 595 842] >>")
        .object(
            3,
            "<< /Type /Page /Parent 1 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>")
        .deflated(4, "", RawPdf.ascii(TEXT))
        .object(5, FONT)
        .object(
            6,
            "<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>")
        .bytes();
  }

  private static byte[] wrongCount() {
    return page("", "", TEXT)
        .object(2, "<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 7 >>")
        .object(
            6,
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
                + "/Contents 4 0 R >>")
        .bytes();
  }

  private static byte[] junkKids() {
    return page("", "", TEXT)
        .object(2, "<< /Type /Pages /Kids [null 3 0 R (junk) 42 7 0 R 1 0 R] /Count 2 >>")
        .object(7, "<< /Kids [6 0 R] >>")
        .object(
            6,
            "<< /Parent 7 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
                + "/Contents 4 0 R >>")
        .bytes();
  }

  private static byte[] inheritedAttributes() {
    return new RawPdf()
        .object(1, "<< /Type /Catalog /Pages 2 0 R >>")
        .object(
            2,
            "<< /Type /Pages /Kids [6 0 R] /Count 2 /Resources << /Font << /F1 5 0 R >> >> /Rotate 90 >>")
        .object(6, "<< /Type /Pages /Parent 2 0 R /Kids [3 0 R 7 0 R] /Count 2 /Rotate 0 >>")
        .object(3, "<< /Type /Page /Parent 6 0 R /Contents 4 0 R >>")
        .object(7, "<< /Type /Page /Parent 6 0 R /Contents 4 0 R /MediaBox [0 0 0 0] /Rotate 45 >>")
        .deflated(4, "", RawPdf.ascii(TEXT))
        .object(5, FONT)
        .bytes();
  }

  private static byte[] pageTreeLoop() {
    return page("", "", TEXT)
        .object(2, "<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>")
        .object(6, "<< /Type /Pages /Kids [2 0 R] /Count 1 >>")
        .bytes();
  }

  private static byte[] missingContent() {
    return new RawPdf()
        .object(1, "<< /Type /Catalog /Pages 2 0 R >>")
        .object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
        .object(
            3,
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
                + "/Contents [4 0 R 99 0 R] >>")
        .deflated(4, "", RawPdf.ascii(TEXT))
        .object(5, FONT)
        .bytes();
  }

  private static byte[] missingFont() {
    return page("", "", TEXT)
        .object(
            3,
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 98 0 R >> >> "
                + "/Contents 4 0 R >>")
        .bytes();
  }

  private static byte[] missingPage() {
    return page("", "", TEXT).object(2, "<< /Type /Pages /Kids [3 0 R 97 0 R] /Count 2 >>").bytes();
  }

  /** A valid file whose page and content have huge object numbers. */
  private static byte[] hugeNumbers(int number) {
    return new RawPdf()
            .object(1, "<< /Type /Catalog /Pages 2 0 R >>")
            .object(2, "<< /Type /Pages /Kids [" + number + " 0 R] /Count 1 >>")
            .object(
                number,
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 "
                    + (number + 2)
                    + " 0 R >> >> /Contents "
                    + (number + 1)
                    + " 0 R >>")
            .stream(number + 1, "", TEXT)
            .object(number + 2, FONT)
            .bytes();
  }

  /**
   * Forty pages that all draw the same 100 KB content stream of incompressible operators: each page
   * of the copy has its own content, so the copy would be forty times the upload.
   */
  private static byte[] sharedIncompressibleContent() {
    Random random = new Random(11);
    StringBuilder content = new StringBuilder(TEXT).append('\n');
    while (content.length() < 100_000) {
      content
          .append(random.nextInt(1_000_000))
          .append(' ')
          .append(random.nextInt(1_000_000))
          .append(" m\n");
    }
    RawPdf pdf =
        new RawPdf()
            .object(1, "<< /Type /Catalog /Pages 2 0 R >>").stream(4, "", content.toString())
                .object(5, FONT);
    StringBuilder kids = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      kids.append(10 + i).append(" 0 R ");
      pdf.object(
          10 + i,
          "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
              + "/Contents 4 0 R >>");
    }
    return pdf.object(2, "<< /Type /Pages /Kids [" + kids + "] /Count 40 >>").bytes();
  }

  /** A page whose content stream is 70 KB compressed and 70 MB decoded. */
  private static byte[] contentBomb() {
    byte[] spaces = new byte[70 * 1024 * 1024];
    Arrays.fill(spaces, (byte) ' ');
    return page("", "", TEXT).deflated(4, "", spaces).bytes();
  }

  /**
   * A compressed cross-reference stream that lists {@code entries} objects (all but the first three
   * pointing at the catalog): 50 KB of file for five million entries.
   */
  static byte[] crossReferenceBomb(int entries) {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes(RawPdf.ascii("%PDF-1.7\n"));
    long[] offsets = new long[4];
    String[] objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> >>",
      FONT,
    };
    for (int i = 0; i < objects.length; i++) {
      offsets[i] = file.size();
      file.writeBytes(RawPdf.ascii((i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n"));
    }
    ByteArrayOutputStream table = new ByteArrayOutputStream();
    for (int i = 0; i < entries; i++) {
      long offset = i >= 1 && i <= 4 ? offsets[i - 1] : offsets[0];
      int type = i == 0 ? 0 : 1;
      table.writeBytes(
          new byte[] {
            (byte) type,
            (byte) (offset >>> 24),
            (byte) (offset >>> 16),
            (byte) (offset >>> 8),
            (byte) offset,
            0,
            0
          });
    }
    byte[] data = RawPdf.deflate(table.toByteArray());
    long xref = file.size();
    file.writeBytes(
        RawPdf.ascii(
            entries
                + 1
                + " 0 obj\n<< /Type /XRef /Size "
                + (entries + 1)
                + " /Index [0 "
                + entries
                + "] /W [1 4 2] /Root 1 0 R /Filter /FlateDecode /Length "
                + data.length
                + " >>\nstream\n"));
    file.writeBytes(data);
    file.writeBytes(RawPdf.ascii("\nendstream\nendobj\nstartxref\n" + xref + "\n%%EOF\n"));
    return file.toByteArray();
  }

  private static byte[] deepNesting(int depth) {
    String nested = "[".repeat(depth) + "]".repeat(depth);
    return page("", "", "/Font << /F1 5 0 R >> /Properties << /p1 10 0 R >>", TEXT)
        .object(10, "<< /Deep " + nested + " >>")
        .bytes();
  }

  private static byte[] brokenXref() {
    byte[] good = page("", "", TEXT).bytes();
    String text = new String(good, StandardCharsets.ISO_8859_1);
    int xref = text.lastIndexOf("xref\n");
    // Every offset off by 7: readers rebuild the table by scanning for objects.
    StringBuilder broken = new StringBuilder(text.substring(0, xref));
    for (String line : text.substring(xref).split("\n", -1)) {
      if (line.matches("\\d{10} 00000 n ")) {
        line = String.format("%010d 00000 n ", Long.parseLong(line.substring(0, 10)) + 7);
      }
      broken.append(line).append('\n');
    }
    return RawPdf.ascii(broken.substring(0, broken.length() - 1));
  }

  /** A four-page scan cut off after 60% of its bytes, as an interrupted upload leaves it. */
  private static byte[] cutOff() {
    RawPdf pdf =
        new RawPdf()
            .object(1, "<< /Type /Catalog /Pages 2 0 R >>")
            .object(2, "<< /Type /Pages /Kids [10 0 R 11 0 R 12 0 R 13 0 R] /Count 4 >>")
            .object(5, FONT);
    for (int i = 0; i < 4; i++) {
      pdf.object(
          10 + i,
          "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
              + "/Contents "
              + (20 + i)
              + " 0 R >>");
    }
    Random random = new Random(5);
    for (int i = 0; i < 4; i++) {
      byte[] noise = new byte[4000];
      random.nextBytes(noise);
      pdf.stream(20 + i, "", TEXT + "\n% " + HexFormat.of().formatHex(noise));
    }
    byte[] whole = pdf.bytes();
    return Arrays.copyOf(whole, (int) (whole.length * 0.6));
  }

  private static byte[] encrypted(String userPassword, int keyLength, boolean aes) {
    try (PDDocument document =
            Loader.loadPDF(
                new RawPdf()
                    .object(1, "<< /Type /Catalog /Pages 2 0 R >>")
                    .object(2, "<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>")
                    .object(
                        3,
                        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
                            + "/Contents 4 0 R >>")
                    .deflated(4, "", RawPdf.ascii(TEXT))
                    .object(5, FONT)
                    .object(
                        6,
                        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
                            + "/Contents 4 0 R >>")
                    .bytes());
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      AccessPermission permissions = new AccessPermission();
      permissions.setCanExtractContent(false);
      permissions.setCanPrint(false);
      permissions.setCanModify(false);
      StandardProtectionPolicy policy =
          new StandardProtectionPolicy("owner-secret", userPassword, permissions);
      policy.setEncryptionKeyLength(keyLength);
      policy.setPreferAES(aes);
      document.protect(policy);
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

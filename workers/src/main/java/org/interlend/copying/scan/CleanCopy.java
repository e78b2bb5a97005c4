package org.interlend.copying.scan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.Deflater;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.interlend.copying.scan.PageTree.SourcePage;
import org.interlend.copying.scan.ScanCheck.Reason;

/**
 * Writes the pages of the scan into a new file with only what they show.
 *
 * <p>Each page of the copy is a new dictionary with its boxes, rotation, resources and one content
 * stream; nothing else of the original page (annotations, actions, thumbnails, private data) is
 * kept. The content stream holds, in this order: the page's own operators, bracketed in {@code q
 * ... Q} and balanced by {@link ContentRewriter}; the appearances of its visible annotations,
 * flattened; and the {@link Mark}. The mark's resources are direct objects in the page's own
 * resource dictionary. So the scan's content and the mark are one stream: removing any single
 * object of the copy either leaves the mark or blanks the page.
 *
 * <p>Objects the pages draw with (images, fonts, forms, ...) are copied with {@link CopyRules},
 * numbered in the order they are first needed. Image and font data is copied byte for byte from the
 * upload, in the kernel where PDFBox lets us find it ({@link FileSource#locate}); form XObjects get
 * their content balanced like a page's. A reference to an object that is not in the file is refused
 * with a reason, never written.
 */
final class CleanCopy implements AutoCloseable {

  /** Deeper nesting of arrays and dictionaries than any real PDF. */
  static final int MAX_NESTING = 64;

  /** Objects the pages of one scan may draw with; far beyond a real scan. */
  static final int MAX_OBJECTS = 1_000_000;

  /** Annotations flattened on one page; more are dropped. */
  private static final int MAX_ANNOTATIONS = 500;

  private static final Set<COSName> UNFLATTENED =
      Set.of(
          COSName.LINK,
          COSName.getPDFName("Popup"),
          COSName.getPDFName("FileAttachment"),
          COSName.getPDFName("Sound"),
          COSName.getPDFName("Movie"),
          COSName.getPDFName("Screen"),
          COSName.getPDFName("RichMedia"),
          COSName.getPDFName("3D"),
          COSName.getPDFName("PrinterMark"),
          COSName.getPDFName("TrapNet"),
          COSName.getPDFName("Projection"));
  private static final int HIDDEN = 1 << 1;
  private static final int NO_VIEW = 1 << 5;
  private static final COSName ANNOTATION_PREFIX = COSName.getPDFName("InterlendAnnot");

  /** Keys of a form XObject that the copy writes itself. */
  private static final Set<COSName> FORM_REWRITTEN =
      Set.of(COSName.TYPE, COSName.SUBTYPE, COSName.FILTER, COSName.DECODE_PARMS);

  private final PdfOutput out;
  private final FileSource source;
  private final Set<COSBase> forbidden;
  private final ContentRewriter rewriter;
  private final FlateSink sink = new FlateSink(Deflater.DEFAULT_COMPRESSION);
  private final Map<COSBase, Integer> numbers = new IdentityHashMap<>();
  private final Set<COSStream> flattened = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Deque<COSBase> queue = new ArrayDeque<>();

  /** The page whose objects are being written, for messages. */
  private int page;

  /**
   * @param forbidden objects never copied even when something points at them: the catalog, the page
   *     tree, the pages, the trailer and the document information
   * @param tempDir where page content too large for memory is spooled
   */
  CleanCopy(PdfOutput out, FileSource source, Set<COSBase> forbidden, Path tempDir) {
    this.out = out;
    this.source = source;
    this.forbidden = forbidden;
    this.rewriter = new ContentRewriter(tempDir);
  }

  /** An annotation appearance drawn into the page, and where. */
  record Flattened(COSStream appearance, double[] matrix) {}

  /** Writes one page of the scan as object {@code number}, then the objects it needs. */
  void writePage(SourcePage sourcePage, int number, int parent, Mark mark) throws IOException {
    page = sourcePage.number();
    String where = "page " + page;
    COSDictionary dictionary = sourcePage.dictionary();
    List<COSStream> contents = contents(dictionary, where);
    List<Flattened> annotations = annotations(dictionary, forbidden);
    int content = out.reserve();
    int length = out.reserve();

    out.beginObject(number);
    out.ascii("<< /Type /Page /Parent ");
    out.reference(parent);
    out.ascii(" /MediaBox ");
    rectangle(sourcePage.mediaBox());
    if (!sourcePage.cropBox().equals(sourcePage.mediaBox())) {
      out.ascii(" /CropBox ");
      rectangle(sourcePage.cropBox());
    }
    if (sourcePage.rotation() != 0) {
      out.ascii(" /Rotate ");
      out.number(sourcePage.rotation());
    }
    if (PageTree.resolve(dictionary.getItem(COSName.USER_UNIT)) instanceof COSNumber unit
        && unit.floatValue() > 0
        && unit.floatValue() <= 75000) {
      out.ascii(" /UserUnit ");
      out.number(unit.floatValue());
    }
    if (PageTree.resolve(dictionary.getItem(COSName.GROUP)) instanceof COSDictionary) {
      out.ascii(" /Group ");
      value(dictionary.getItem(COSName.GROUP), 1);
    }
    out.ascii(" /Resources ");
    resources(sourcePage.resources(), annotations);
    out.ascii(" /Contents ");
    out.reference(content);
    out.ascii(" >>");
    out.endObject();

    out.beginObject(content);
    out.ascii("<< /Length ");
    out.reference(length);
    out.ascii(" /Filter /FlateDecode >>\nstream\n");
    long start = out.position();
    out.write(FlateSink.ZLIB_HEADER);
    sink.start(out.stream());
    ascii("q\n");
    rewriter.rewrite(contents, sink, where);
    ascii("Q\n");
    for (int i = 0; i < annotations.size(); i++) {
      StringBuilder s = new StringBuilder("q ");
      for (double v : annotations.get(i).matrix()) {
        s.append(PdfOutput.format(v)).append(' ');
      }
      ascii(
          s.append("cm /")
              .append(ANNOTATION_PREFIX.getName())
              .append(i)
              .append(" Do Q\n")
              .toString());
    }
    sink.syncFlush();
    Mark.Block block = mark.block(Mark.Geometry.of(sourcePage.cropBox(), sourcePage.rotation()));
    out.write(block.deflated());
    out.write(FlateSink.FINAL_EMPTY_BLOCK);
    FlateSink.writeAdler(
        out.stream(), FlateSink.combine(sink.adler(), block.adler(), block.length()));
    long written = out.position() - start;
    out.ascii("\nendstream");
    out.endObject();
    out.beginObject(length);
    out.number(written);
    out.endObject();

    drain();
  }

  private void ascii(String s) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.US_ASCII);
    sink.write(bytes, 0, bytes.length);
  }

  /** The page's content streams; a listed stream that is not in the file is refused. */
  private List<COSStream> contents(COSDictionary page, String where) {
    COSBase item = page.getItem(COSName.CONTENTS);
    requirePresent(item);
    COSBase value = PageTree.resolve(item);
    List<COSStream> streams = new ArrayList<>();
    if (value instanceof COSStream stream) {
      streams.add(stream);
    } else if (value instanceof COSArray array) {
      for (int i = 0; i < array.size(); i++) {
        requirePresent(array.get(i));
        if (PageTree.resolve(array.get(i)) instanceof COSStream stream) {
          streams.add(stream);
        }
      }
    }
    return streams;
  }

  /** The visible annotations of the page that have an appearance, to be drawn under the mark. */
  static List<Flattened> annotations(COSDictionary page, Set<COSBase> forbidden) {
    List<Flattened> result = new ArrayList<>();
    if (!(PageTree.resolve(page.getItem(COSName.ANNOTS)) instanceof COSArray annots)) {
      return result;
    }
    for (int i = 0; i < annots.size() && result.size() < MAX_ANNOTATIONS; i++) {
      if (!(PageTree.resolve(annots.get(i)) instanceof COSDictionary annotation)) {
        continue;
      }
      if (UNFLATTENED.contains(annotation.getCOSName(COSName.SUBTYPE))
          || (annotation.getInt(COSName.F, 0) & (HIDDEN | NO_VIEW)) != 0) {
        continue;
      }
      COSStream appearance = appearance(annotation);
      PDRectangle rect = PageTree.rectangle(annotation.getItem(COSName.RECT));
      if (appearance == null
          || rect == null
          || rect.getWidth() < 0.01f
          || rect.getHeight() < 0.01f
          || forbidden.contains(appearance)
          || CopyRules.drops(appearance)) {
        continue;
      }
      double[] matrix = placement(appearance, rect);
      if (matrix != null) {
        result.add(new Flattened(appearance, matrix));
      }
    }
    return result;
  }

  private static COSStream appearance(COSDictionary annotation) {
    if (!(PageTree.resolve(annotation.getItem(COSName.AP)) instanceof COSDictionary appearances)) {
      return null;
    }
    COSBase normal = PageTree.resolve(appearances.getItem(COSName.N));
    if (normal instanceof COSStream stream) {
      return stream;
    }
    if (normal instanceof COSDictionary states
        && annotation.getItem(COSName.AS) instanceof COSName state
        && PageTree.resolve(states.getItem(state)) instanceof COSStream stream) {
      return stream;
    }
    return null;
  }

  /**
   * The matrix that maps the appearance's bounding box, after its own matrix, onto the annotation's
   * rectangle (PDF 32000-1, 12.5.5); null if the appearance has no area.
   */
  private static double[] placement(COSStream appearance, PDRectangle rect) {
    PDRectangle box = PageTree.rectangle(appearance.getItem(COSName.BBOX));
    if (box == null) {
      return null;
    }
    double[] m = {1, 0, 0, 1, 0, 0};
    if (PageTree.resolve(appearance.getItem(COSName.MATRIX)) instanceof COSArray array
        && array.size() == 6) {
      for (int i = 0; i < 6; i++) {
        if (PageTree.resolve(array.get(i)) instanceof COSNumber number) {
          m[i] = number.floatValue();
        }
      }
    }
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    double[][] corners = {
      {box.getLowerLeftX(), box.getLowerLeftY()}, {box.getUpperRightX(), box.getLowerLeftY()},
      {box.getLowerLeftX(), box.getUpperRightY()}, {box.getUpperRightX(), box.getUpperRightY()}
    };
    for (double[] c : corners) {
      double x = m[0] * c[0] + m[2] * c[1] + m[4];
      double y = m[1] * c[0] + m[3] * c[1] + m[5];
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
    double width = maxX - minX;
    double height = maxY - minY;
    if (!(width > 0.001 && height > 0.001) || !Double.isFinite(width) || !Double.isFinite(height)) {
      return null;
    }
    double sx = rect.getWidth() / width;
    double sy = rect.getHeight() / height;
    return new double[] {
      sx, 0, 0, sy, rect.getLowerLeftX() - minX * sx, rect.getLowerLeftY() - minY * sy
    };
  }

  /**
   * The page's resources as a direct dictionary: the scan's own, copied, and the mark's, added as
   * direct objects (they replace any of the scan's resources of the same name).
   */
  private void resources(COSDictionary resources, List<Flattened> annotations) throws IOException {
    out.ascii("<<");
    boolean font = false;
    boolean extGState = false;
    boolean xObject = false;
    if (resources != null && !forbidden.contains(resources)) {
      for (COSName key : CopyRules.RESOURCE_KEYS) {
        COSBase item = resources.getItem(key);
        if (item == null) {
          continue;
        }
        out.ascii(" ");
        name(key);
        out.ascii(" ");
        if (key.equals(COSName.FONT)) {
          font = true;
          mergedResource(item, () -> markFont());
        } else if (key.equals(COSName.EXT_G_STATE)) {
          extGState = true;
          mergedResource(item, () -> markStates());
        } else if (key.equals(COSName.XOBJECT) && !annotations.isEmpty()) {
          xObject = true;
          mergedResource(item, () -> annotationForms(annotations));
        } else {
          value(item, 1);
        }
      }
    }
    if (!font) {
      out.ascii(" /Font <<");
      markFont();
      out.ascii(" >>");
    }
    if (!extGState) {
      out.ascii(" /ExtGState <<");
      markStates();
      out.ascii(" >>");
    }
    if (!xObject && !annotations.isEmpty()) {
      out.ascii(" /XObject <<");
      annotationForms(annotations);
      out.ascii(" >>");
    }
    out.ascii(" >>");
  }

  private interface Entries {
    void write() throws IOException;
  }

  /** A resource category as a direct dictionary: the scan's entries, then ours. */
  private void mergedResource(COSBase item, Entries ours) throws IOException {
    requirePresent(item);
    out.ascii("<<");
    if (PageTree.resolve(item) instanceof COSDictionary entries
        && !CopyRules.drops(entries)
        && !forbidden.contains(entries)) {
      for (Map.Entry<COSName, COSBase> entry : entries.entrySet()) {
        if (!entry.getKey().getName().startsWith("Interlend")) {
          out.ascii(" ");
          name(entry.getKey());
          out.ascii(" ");
          value(entry.getValue(), 2);
        }
      }
    }
    ours.write();
    out.ascii(" >>");
  }

  private void markFont() throws IOException {
    out.ascii(
        " /"
            + Mark.FONT.getName()
            + " << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  }

  private void markStates() throws IOException {
    out.ascii(
        " /"
            + Mark.FAINT.getName()
            + " << /Type /ExtGState /ca "
            + PdfOutput.format(Mark.MARK_OPACITY)
            + " /CA "
            + PdfOutput.format(Mark.MARK_OPACITY)
            + " >>");
    out.ascii(
        " /"
            + Mark.BAND.getName()
            + " << /Type /ExtGState /ca "
            + PdfOutput.format(Mark.BAND_OPACITY)
            + " /CA "
            + PdfOutput.format(Mark.BAND_OPACITY)
            + " >>");
  }

  private void annotationForms(List<Flattened> annotations) throws IOException {
    for (int i = 0; i < annotations.size(); i++) {
      COSStream appearance = annotations.get(i).appearance();
      flattened.add(appearance);
      out.ascii(" /" + ANNOTATION_PREFIX.getName() + i + " ");
      out.reference(number(appearance));
    }
  }

  private void rectangle(PDRectangle r) throws IOException {
    out.ascii("[");
    out.number(r.getLowerLeftX());
    out.ascii(" ");
    out.number(r.getLowerLeftY());
    out.ascii(" ");
    out.number(r.getUpperRightX());
    out.ascii(" ");
    out.number(r.getUpperRightY());
    out.ascii("]");
  }

  // ---- copying objects -------------------------------------------------------------------

  /**
   * Writes {@code value} where it is used: a direct object inline, an indirect one as a reference.
   */
  private void value(COSBase value, int depth) throws IOException {
    if (depth > MAX_NESTING) {
      throw tooDeep();
    }
    if (value == null || value instanceof COSNull) {
      out.ascii("null");
    } else if (value instanceof COSObject reference) {
      requirePresent(reference);
      COSBase target = reference.getObject();
      if (target instanceof COSDictionary || target instanceof COSArray) {
        if (CopyRules.drops(target) || forbidden.contains(target)) {
          out.ascii("null");
        } else {
          out.reference(number(target));
        }
      } else {
        value(target, depth + 1); // an indirect number, name or string: same value inline
      }
    } else if (value instanceof COSStream stream) {
      if (CopyRules.drops(stream) || forbidden.contains(stream)) {
        out.ascii("null");
      } else {
        out.reference(number(stream));
      }
    } else if (value instanceof COSDictionary dictionary) {
      if (CopyRules.drops(dictionary) || forbidden.contains(dictionary)) {
        out.ascii("null");
      } else {
        dictionary(dictionary, Set.of(), depth);
      }
    } else if (value instanceof COSArray array) {
      out.ascii("[");
      for (int i = 0; i < array.size(); i++) {
        if (i > 0) {
          out.ascii(" ");
        }
        value(array.get(i), depth + 1);
      }
      out.ascii("]");
    } else {
      primitive(value);
    }
  }

  private void dictionary(COSDictionary dictionary, Set<COSName> alsoDropped, int depth)
      throws IOException {
    out.ascii("<<");
    dictionaryEntries(dictionary, alsoDropped, depth);
    out.ascii(" >>");
  }

  private void dictionaryEntries(COSDictionary dictionary, Set<COSName> alsoDropped, int depth)
      throws IOException {
    for (Map.Entry<COSName, COSBase> entry : dictionary.entrySet()) {
      COSName key = entry.getKey();
      if (CopyRules.keeps(dictionary, key) && !alsoDropped.contains(key)) {
        out.ascii(" ");
        name(key);
        out.ascii(" ");
        value(entry.getValue(), depth + 1);
      }
    }
  }

  private void primitive(COSBase value) throws IOException {
    switch (value) {
      case COSName name -> name(name);
      case COSInteger integer -> out.number(integer.longValue());
      case COSFloat real -> out.ascii(PdfOutput.formatExact(real.floatValue()));
      case COSString string -> out.hexString(string.getBytes());
      case COSBoolean bool -> out.ascii(bool.getValue() ? "true" : "false");
      default -> out.ascii("null");
    }
  }

  /** A name with every byte outside the regular characters written as #xx (PDF 32000-1, 7.3.5). */
  private void name(COSName name) throws IOException {
    out.write('/');
    for (byte b : name.getName().getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x21 || c > 0x7e || "()<>[]{}/%#".indexOf(c) >= 0) {
        out.write('#');
        out.ascii(String.format("%02X", c));
      } else {
        out.write(c);
      }
    }
  }

  /** The number of a copied object, reserved and queued the first time. */
  private int number(COSBase target) {
    Integer number = numbers.get(target);
    if (number == null) {
      if (numbers.size() >= MAX_OBJECTS) {
        throw tooMany();
      }
      number = out.reserve();
      numbers.put(target, number);
      queue.add(target);
    }
    return number;
  }

  /** Writes the objects queued so far, and those they need. */
  private void drain() throws IOException {
    while (!queue.isEmpty()) {
      COSBase target = queue.poll();
      int number = numbers.get(target);
      if (target instanceof COSStream stream) {
        if (flattened.contains(stream) || CopyRules.isForm(stream)) {
          form(stream, number);
        } else {
          rawStream(stream, number);
        }
      } else {
        out.beginObject(number);
        if (target instanceof COSDictionary dictionary) {
          dictionary(dictionary, Set.of(), 0);
        } else {
          value(target, 0);
        }
        out.endObject();
      }
    }
  }

  /** A form XObject: its content balanced and compressed anew, like a page's. */
  private void form(COSStream form, int number) throws IOException {
    int length = out.reserve();
    out.beginObject(number);
    out.ascii("<< /Type /XObject /Subtype /Form");
    dictionaryEntries(form, FORM_REWRITTEN, 0);
    out.ascii(" /Filter /FlateDecode /Length ");
    out.reference(length);
    out.ascii(" >>\nstream\n");
    long start = out.position();
    out.write(FlateSink.ZLIB_HEADER);
    sink.start(out.stream());
    rewriter.rewrite(List.of(form), sink, "page " + page + " (a form it draws)");
    sink.finishData();
    FlateSink.writeAdler(out.stream(), sink.adler());
    long written = out.position() - start;
    out.ascii("\nendstream");
    out.endObject();
    out.beginObject(length);
    out.number(written);
    out.endObject();
  }

  /** Any other stream: its dictionary copied with the rules, its data byte for byte. */
  private void rawStream(COSStream stream, int number) throws IOException {
    FileSource.Region region = source.locate(stream);
    out.beginObject(number);
    out.ascii("<<");
    dictionaryEntries(stream, Set.of(), 0);
    if (region != null) {
      out.ascii(" /Length ");
      out.number(region.length());
      out.ascii(" >>\nstream\n");
      out.transferFrom(source.channel(), region.start(), region.length());
      out.ascii("\nendstream");
      out.endObject();
      return;
    }
    // Data PDFBox holds itself (decrypted, for example): copied through, its length written after.
    int length = out.reserve();
    out.ascii(" /Length ");
    out.reference(length);
    out.ascii(" >>\nstream\n");
    long start = out.position();
    try (InputStream in = stream.createRawInputStream()) {
      in.transferTo(out.stream());
    }
    long written = out.position() - start;
    out.ascii("\nendstream");
    out.endObject();
    out.beginObject(length);
    out.number(written);
    out.endObject();
  }

  private void requirePresent(COSBase item) {
    requirePresent(item, page);
  }

  private static void requirePresent(COSBase item, int page) {
    if (PageTree.missing(item)) {
      COSObjectKey key = ((COSObject) item).getKey();
      throw new Refusal(
          Reason.UNREADABLE,
          "The PDF is damaged: page "
              + page
              + " uses an object (number "
              + (key == null ? "?" : key.getNumber())
              + ") that is not in the file, so it cannot be copied "
              + "completely. Please save or scan it again and upload the new file.");
    }
  }

  /**
   * Resolves everything a copy of {@code pages} would draw with, without writing anything, so that
   * a validation finds what the copy would refuse: objects that are not in the file, nesting too
   * deep, too many objects.
   *
   * @throws Refusal as {@link #writePage} would
   */
  static void check(List<SourcePage> pages, Set<COSBase> forbidden) {
    Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<COSBase> values = new ArrayDeque<>();
    Deque<Integer> depths = new ArrayDeque<>();
    for (SourcePage sourcePage : pages) {
      COSDictionary dictionary = sourcePage.dictionary();
      values.push(
          dictionary.getItem(COSName.CONTENTS) == null
              ? COSNull.NULL
              : dictionary.getItem(COSName.CONTENTS));
      depths.push(0);
      if (sourcePage.resources() != null && !forbidden.contains(sourcePage.resources())) {
        values.push(sourcePage.resources());
        depths.push(0);
      }
      for (Flattened annotation : annotations(dictionary, forbidden)) {
        values.push(annotation.appearance());
        depths.push(0);
      }
      while (!values.isEmpty()) {
        COSBase value = values.pop();
        int depth = depths.pop();
        if (depth > MAX_NESTING) {
          throw tooDeep();
        }
        if (value instanceof COSObject reference) {
          requirePresent(reference, sourcePage.number());
          value = reference.getObject();
          depth = 0;
        }
        if (!(value instanceof COSDictionary) && !(value instanceof COSArray)
            || CopyRules.drops(value)
            || forbidden.contains(value)
            || !seen.add(value)) {
          continue;
        }
        if (seen.size() > MAX_OBJECTS) {
          throw tooMany();
        }
        if (value instanceof COSDictionary dict) {
          for (Map.Entry<COSName, COSBase> entry : dict.entrySet()) {
            if (CopyRules.keeps(dict, entry.getKey())) {
              values.push(entry.getValue());
              depths.push(depth + 1);
            }
          }
        } else {
          for (COSBase item : (COSArray) value) {
            values.push(item);
            depths.push(depth + 1);
          }
        }
      }
    }
  }

  private static Refusal tooMany() {
    return new Refusal(
        Reason.TOO_COMPLEX,
        "The PDF cannot be processed: its pages use more than "
            + MAX_OBJECTS
            + " objects. Please save it again (for example with \"Print to PDF\") "
            + "and upload the new file.");
  }

  private static Refusal tooDeep() {
    return new Refusal(
        Reason.TOO_COMPLEX,
        "The PDF cannot be processed: it nests its objects more than "
            + MAX_NESTING
            + " levels deep. Please save it again (for example with \"Print to PDF\") "
            + "and upload the new file.");
  }

  @Override
  public void close() {
    sink.close();
  }
}

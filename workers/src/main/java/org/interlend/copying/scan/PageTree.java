package org.interlend.copying.scan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.interlend.copying.scan.ScanCheck.Reason;

/**
 * The pages of a PDF in reading order, found by walking the page tree from the catalog the way
 * viewers do, with their inherited attributes resolved along the walk.
 *
 * <p>Nothing here trusts {@code /Parent}, {@code /Count} or {@code /Type /Pages} on the root: a
 * root that is itself a page is a one-page document, a wrong count is ignored, a page whose {@code
 * /Parent} points elsewhere (even at the catalog) still inherits from the node that lists it. A
 * node listed twice on one branch (a loop), a tree deeper than {@link #MAX_DEPTH}, or a listed page
 * that is not in the file are refused, with a reason.
 */
final class PageTree {

  /** Deeper than any real page tree (a balanced tree of 2,000 pages is 4 levels deep). */
  static final int MAX_DEPTH = 64;

  /** Pages counted (not kept) beyond the caller's limit, to say how many there are. */
  private static final int MAX_COUNTED = 1_000_000;

  private static final int MAX_NODES = 2_000_000;
  private static final PDRectangle LETTER = new PDRectangle(0, 0, 612, 792);

  /**
   * One page of the scan.
   *
   * @param number 1-based, in reading order
   * @param dictionary the page dictionary as stored
   * @param resources its resources, inherited if need be; null if it has none
   * @param mediaBox normalised; US Letter when missing or unusable, as viewers do
   * @param cropBox normalised and inside the media box
   * @param rotation 0, 90, 180 or 270
   */
  record SourcePage(
      int number,
      COSDictionary dictionary,
      COSDictionary resources,
      PDRectangle mediaBox,
      PDRectangle cropBox,
      int rotation) {}

  /**
   * @param pages the pages, at most the limit the walk was given
   * @param count how many pages the tree has (more than {@code pages.size()} when over the limit)
   * @param nodes every page and page tree node, which a copy must not reach through resources
   */
  record Walk(List<SourcePage> pages, int count, Set<COSBase> nodes) {}

  private PageTree() {}

  /** The catalog from the trailer. */
  static COSDictionary catalog(COSDocument document) {
    COSDictionary trailer = document.getTrailer();
    COSBase root = trailer == null ? null : resolve(trailer.getItem(COSName.ROOT));
    if (!(root instanceof COSDictionary catalog)) {
      throw new Refusal(
          Reason.UNREADABLE,
          "The PDF is damaged: it has no document catalog, so no viewer can "
              + "find its pages. Please save or scan it again and upload the new file.");
    }
    return catalog;
  }

  /**
   * Walks the tree.
   *
   * @param limit pages to keep; the walk goes on counting beyond it
   * @throws Refusal if the tree is missing, loops, is too deep, or lists a page that is not in the
   *     file
   */
  static Walk walk(COSDocument document, int limit) {
    COSDictionary catalog = catalog(document);
    COSBase rootItem = catalog.getItem(COSName.PAGES);
    COSBase root = resolve(rootItem);
    if (!(root instanceof COSDictionary rootNode)) {
      throw new Refusal(
          Reason.UNREADABLE,
          "The PDF is damaged: it has no page tree"
              + (missing(rootItem) ? " (the object that should hold it is not in the file)" : "")
              + ". Please save or scan it again and upload the new file.");
    }

    List<SourcePage> pages = new ArrayList<>();
    Set<COSBase> nodes = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<COSBase> branch = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Frame> stack = new ArrayDeque<>();
    int count = 0;
    int visited = 0;

    Inherited top = Inherited.NONE;
    if (!isIntermediate(rootNode)) {
      nodes.add(rootNode);
      pages.add(page(1, rootNode, top.with(rootNode)));
      return new Walk(pages, 1, nodes);
    }
    nodes.add(rootNode);
    branch.add(rootNode);
    stack.push(new Frame(rootNode, kids(rootNode), top.with(rootNode)));
    while (!stack.isEmpty()) {
      Frame frame = stack.peek();
      if (frame.next >= frame.kids.size()) {
        stack.pop();
        branch.remove(frame.node);
        continue;
      }
      COSBase item = frame.kids.get(frame.next++);
      if (++visited > MAX_NODES) {
        throw tooComplex("its page tree has more than " + MAX_NODES + " entries");
      }
      COSBase kid = resolve(item);
      if (kid == null && missing(item)) {
        throw new Refusal(
            Reason.UNREADABLE,
            "The PDF is damaged: page "
                + (count + 1)
                + " is listed but is not in the file. Please save or scan it again and upload the new file.");
      }
      if (!(kid instanceof COSDictionary node)) {
        continue; // null or junk in /Kids: viewers skip it
      }
      if (COSName.CATALOG.equals(node.getItem(COSName.TYPE)) || node == catalog) {
        continue;
      }
      if (isIntermediate(node)) {
        if (branch.contains(node)) {
          throw new Refusal(
              Reason.UNREADABLE,
              "The PDF is damaged: its page tree loops back on itself. "
                  + "Please save it again (for example with \"Print to PDF\") and upload the new file.");
        }
        if (stack.size() >= MAX_DEPTH) {
          throw tooComplex("its page tree is more than " + MAX_DEPTH + " levels deep");
        }
        nodes.add(node);
        branch.add(node);
        stack.push(new Frame(node, kids(node), frame.inherited.with(node)));
      } else {
        count++;
        if (count > MAX_COUNTED) {
          throw tooComplex("it has more than " + MAX_COUNTED + " pages");
        }
        nodes.add(node);
        if (pages.size() < limit) {
          pages.add(page(count, node, frame.inherited.with(node)));
        }
      }
    }
    return new Walk(pages, count, nodes);
  }

  /** A page tree node (has kids) rather than a page; {@code /Type} decides when present. */
  private static boolean isIntermediate(COSDictionary node) {
    COSBase type = node.getItem(COSName.TYPE);
    if (COSName.PAGE.equals(type)) {
      return false;
    }
    return COSName.PAGES.equals(type) || resolve(node.getItem(COSName.KIDS)) instanceof COSArray;
  }

  private static COSArray kids(COSDictionary node) {
    return resolve(node.getItem(COSName.KIDS)) instanceof COSArray kids ? kids : new COSArray();
  }

  private static SourcePage page(int number, COSDictionary page, Inherited inherited) {
    PDRectangle media = rectangle(inherited.mediaBox);
    if (media == null || media.getWidth() < 1 || media.getHeight() < 1) {
      media = LETTER;
    }
    PDRectangle crop = rectangle(inherited.cropBox);
    crop = crop == null ? media : intersection(crop, media);
    int rotation = 0;
    if (inherited.rotate instanceof COSNumber rotate) {
      long degrees = rotate.longValue();
      rotation = degrees % 90 == 0 ? (int) Math.floorMod(degrees, 360L) : 0;
    }
    COSDictionary resources = inherited.resources instanceof COSDictionary r ? r : null;
    return new SourcePage(number, page, resources, media, crop, rotation);
  }

  /** The crop box inside the media box; the media box when they do not overlap usefully. */
  private static PDRectangle intersection(PDRectangle a, PDRectangle b) {
    float llx = Math.max(a.getLowerLeftX(), b.getLowerLeftX());
    float lly = Math.max(a.getLowerLeftY(), b.getLowerLeftY());
    float urx = Math.min(a.getUpperRightX(), b.getUpperRightX());
    float ury = Math.min(a.getUpperRightY(), b.getUpperRightY());
    if (urx - llx < 1 || ury - lly < 1) {
      return b;
    }
    return new PDRectangle(llx, lly, urx - llx, ury - lly);
  }

  /** A rectangle from an array of four numbers in any corner order; null if it is not one. */
  static PDRectangle rectangle(COSBase value) {
    if (!(resolve(value) instanceof COSArray array) || array.size() != 4) {
      return null;
    }
    float[] v = new float[4];
    for (int i = 0; i < 4; i++) {
      if (!(resolve(array.get(i)) instanceof COSNumber number)) {
        return null;
      }
      v[i] = number.floatValue();
      if (!Float.isFinite(v[i]) || Math.abs(v[i]) > 1_000_000f) {
        return null;
      }
    }
    float llx = Math.min(v[0], v[2]);
    float lly = Math.min(v[1], v[3]);
    return new PDRectangle(llx, lly, Math.max(v[0], v[2]) - llx, Math.max(v[1], v[3]) - lly);
  }

  /** The object a reference points at (null if it is not in the file), or the value itself. */
  static COSBase resolve(COSBase value) {
    COSBase resolved = value instanceof COSObject reference ? reference.getObject() : value;
    return resolved instanceof COSNull ? null : resolved;
  }

  /** A reference to an object that is not in the file (as opposed to an explicit null). */
  static boolean missing(COSBase value) {
    return value instanceof COSObject reference && reference.getObject() == null;
  }

  private static Refusal tooComplex(String what) {
    return new Refusal(
        Reason.TOO_COMPLEX,
        "The PDF cannot be processed: "
            + what
            + ". Please save it again (for example with \"Print to PDF\") and upload the new file.");
  }

  /** Attributes a page inherits from the nodes above it (PDF 32000-1, 7.7.3.4). */
  private record Inherited(COSBase resources, COSBase mediaBox, COSBase cropBox, COSBase rotate) {
    static final Inherited NONE = new Inherited(null, null, null, null);

    Inherited with(COSDictionary node) {
      return new Inherited(
          pick(node, COSName.RESOURCES, resources),
          pick(node, COSName.MEDIA_BOX, mediaBox),
          pick(node, COSName.CROP_BOX, cropBox),
          pick(node, COSName.ROTATE, rotate));
    }

    private static COSBase pick(COSDictionary node, COSName key, COSBase inherited) {
      COSBase own = resolve(node.getItem(key));
      return own != null ? own : inherited;
    }
  }

  private static final class Frame {
    final COSDictionary node;
    final COSArray kids;
    final Inherited inherited;
    int next;

    Frame(COSDictionary node, COSArray kids, Inherited inherited) {
      this.node = node;
      this.kids = kids;
      this.inherited = inherited;
    }
  }
}

package org.interlend.copying.scan;

import java.util.HashSet;
import java.util.Set;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;

/**
 * What the delivered copy keeps of the objects a page draws with (fonts, images, forms, colour
 * spaces, ...). The catalog, the page tree and the page dictionaries are not copied at all: the
 * copy gets new ones with only what it needs (see {@link CleanCopy}). Everything below them is
 * copied with these rules:
 *
 * <ul>
 *   <li>keys that carry something active or hidden are left out wherever they appear: scripts,
 *       actions and their triggers, attachments, forms and XFA, rich media, private application
 *       data, metadata streams, thumbnails, annotations, links back into the document structure;
 *   <li>a dictionary that is itself such a thing (an action, an annotation, a file specification, a
 *       page or catalog reached through a stray reference, ...) is written as {@code null};
 *   <li>a stream never points at data outside the file ({@code /F}).
 * </ul>
 */
final class CopyRules {

  /** Keys left out of every copied dictionary. */
  private static final Set<COSName> DROPPED_KEYS =
      names(
          // scripts, actions and what triggers them
          "JS",
          "JavaScript",
          "AA",
          "OpenAction",
          "A",
          "URI",
          "Launch",
          "Next",
          "PA",
          // attachments and files
          "EF",
          "EmbeddedFile",
          "EmbeddedFiles",
          "RF",
          "FS",
          "AF",
          "Collection",
          // forms and rich media
          "AcroForm",
          "XFA",
          "RichMediaContent",
          "RichMediaSettings",
          "Fields",
          // private and hidden data
          "PieceInfo",
          "Metadata",
          "Thumb",
          "LastModified",
          "OPI",
          "Alternates",
          "Ref",
          // links back into the document's structure
          "Annots",
          "Names",
          "Dests",
          "Outlines",
          "Threads",
          "B",
          "StructParent",
          "StructParents",
          "StructTreeRoot",
          "Parent",
          "P",
          "Popup",
          "IRT",
          "Encrypt",
          "Perms",
          "Root",
          "Info");

  /**
   * Keys left out of every copied stream dictionary in addition: data outside the file, our own
   * length.
   */
  private static final Set<COSName> DROPPED_STREAM_KEYS =
      names("Length", "F", "FFilter", "FDecodeParms", "DL");

  /** Dictionary types that are never copied. */
  private static final Set<COSName> DROPPED_TYPES =
      names(
          "Catalog",
          "Pages",
          "Page",
          "Annot",
          "Action",
          "Filespec",
          "EmbeddedFile",
          "Sig",
          "SigRef",
          "XRef",
          "ObjStm",
          "Outlines",
          "Metadata",
          "Collection",
          "Thread",
          "Bead",
          "StructTreeRoot",
          "StructElem",
          "MCR",
          "OBJR",
          "RichMediaContent",
          "RichMediaSettings",
          "RichMediaInstance",
          "Rendition",
          "MediaClip",
          "Sound",
          "Movie",
          "3D",
          "TransformParams");

  /** Values of {@code /S} that make a dictionary an action. */
  private static final Set<COSName> ACTION_TYPES =
      names(
          "GoTo",
          "GoToR",
          "GoToE",
          "GoToDp",
          "Launch",
          "Thread",
          "URI",
          "Sound",
          "Movie",
          "Hide",
          "Named",
          "SubmitForm",
          "ResetForm",
          "ImportData",
          "JavaScript",
          "SetOCGState",
          "Rendition",
          "Trans",
          "GoTo3DView",
          "RichMediaExecute",
          "ECMAScript");

  /** Page resource categories that the copy keeps. */
  static final Set<COSName> RESOURCE_KEYS =
      names(
          "ExtGState",
          "ColorSpace",
          "Pattern",
          "Shading",
          "XObject",
          "Font",
          "ProcSet",
          "Properties");

  private CopyRules() {}

  /** Whether {@code key} of {@code dictionary} is copied. */
  static boolean keeps(COSDictionary dictionary, COSName key) {
    if (DROPPED_KEYS.contains(key)) {
      return false;
    }
    return !(dictionary instanceof COSStream) || !DROPPED_STREAM_KEYS.contains(key);
  }

  /** Whether {@code value} is a dictionary that is written as {@code null}. */
  static boolean drops(COSBase value) {
    if (!(value instanceof COSDictionary dictionary)) {
      return false;
    }
    if (dictionary.getItem(COSName.TYPE) instanceof COSName type && DROPPED_TYPES.contains(type)) {
      return true;
    }
    if (dictionary.getItem(COSName.S) instanceof COSName s && ACTION_TYPES.contains(s)) {
      return true;
    }
    if (COSName.PS.equals(dictionary.getItem(COSName.SUBTYPE))) {
      return true; // a PostScript XObject: code for the printer
    }
    if (dictionary.containsKey(COSName.SUBTYPE) && dictionary.containsKey(COSName.RECT)) {
      return true; // an annotation without /Type
    }
    // a file specification without /Type
    return !(dictionary instanceof COSStream)
        && (dictionary.containsKey(COSName.EF) || dictionary.containsKey(COSName.UF));
  }

  /** Whether a stream is a form XObject, whose content the copy rewrites like a page's. */
  static boolean isForm(COSStream stream) {
    return COSName.FORM.equals(stream.getItem(COSName.SUBTYPE));
  }

  private static Set<COSName> names(String... names) {
    Set<COSName> set = new HashSet<>();
    for (String name : names) {
      set.add(COSName.getPDFName(name));
    }
    return Set.copyOf(set);
  }
}

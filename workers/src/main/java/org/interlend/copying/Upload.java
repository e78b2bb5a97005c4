package org.interlend.copying;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.interlend.documents.DocumentReference;

/**
 * One file a supplier uploaded for a scan, however the task form handed it over: a Camunda document
 * reference (Tasklist's file picker, and the local desk, which gives the same shape), or the key of
 * an object in Interlend's own store (older requests, tests).
 */
public sealed interface Upload {

  /** An object in Interlend's document store. */
  record Stored(String key) implements Upload {}

  /** A document in Camunda's document store (or the local desk's stand-in for it). */
  record Document(DocumentReference reference) implements Upload {}

  /** The file's name as the supplier gave it (or the object key's last part). */
  default String name() {
    return switch (this) {
      case Stored s -> s.key().substring(s.key().lastIndexOf('/') + 1);
      case Document d ->
          d.reference().fileName() == null ? d.reference().documentId() : d.reference().fileName();
    };
  }

  /** A page image rather than a PDF: by its name, or its declared type for a document. */
  default boolean image() {
    String name = name().toLowerCase(Locale.ROOT);
    if (name.endsWith(".jpg")
        || name.endsWith(".jpeg")
        || name.endsWith(".png")
        || name.endsWith(".tif")
        || name.endsWith(".tiff")) {
      return true;
    }
    return this instanceof Document d
        && d.reference().contentType() != null
        && d.reference().contentType().startsWith("image/");
  }

  /**
   * The uploads in a file-picker variable: a list (or one) of document references or object keys.
   *
   * @throws IllegalArgumentException for anything else
   */
  static List<Upload> parse(Object value) {
    List<Upload> uploads = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.forEach(item -> add(item, uploads));
    } else {
      add(value, uploads);
    }
    return uploads;
  }

  private static void add(Object item, List<Upload> uploads) {
    if (item == null) {
      return;
    }
    if (DocumentReference.isReference(item)) {
      uploads.add(new Document(DocumentReference.from(item)));
    } else if (item instanceof String key) {
      if (!key.isBlank()) {
        uploads.add(new Stored(key));
      }
    } else {
      throw new IllegalArgumentException(
          "an upload must be a document reference or an object key, not " + item);
    }
  }
}

package org.interlend.copying;

import java.util.ArrayList;
import java.util.List;
import org.interlend.documents.DocumentReference;
import org.interlend.documents.LocalDocuments;

/**
 * A bridge until the scan workers read Camunda document references themselves: the object keys of
 * a file-picker variable, whether it holds object keys (as tests write them) or the local desk's
 * document references (Tasklist's shape, stored by {@link LocalDocuments} under {@code
 * camunda-documents/<documentId>}). References of Camunda's own store are not readable this way.
 */
final class ScanUploads {

  private ScanUploads() {}

  static List<String> keys(Object value) {
    List<String> keys = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.forEach(item -> add(item, keys));
    } else {
      add(value, keys);
    }
    return keys;
  }

  private static void add(Object item, List<String> keys) {
    if (item == null) {
      return;
    }
    if (DocumentReference.isReference(item)) {
      DocumentReference reference = DocumentReference.from(item);
      if (!LocalDocuments.STORE_ID.equals(reference.storeId())) {
        throw new IllegalArgumentException(
            "the scan " + reference.fileName() + " is in document store " + reference.storeId()
                + ", which the scan workers cannot read yet");
      }
      keys.add(LocalDocuments.objectKey(reference));
      return;
    }
    String key = String.valueOf(item);
    if (!key.isBlank()) {
      keys.add(key);
    }
  }
}

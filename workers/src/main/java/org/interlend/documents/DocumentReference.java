package org.interlend.documents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Camunda document reference, exactly as Camunda 8.8 stores it in a process variable when a
 * Tasklist file picker uploads a file (the {@code DocumentReference} of the Orchestration Cluster
 * REST API, {@code POST /v2/documents/batch}):
 *
 * <pre>
 * {"camunda.document.type": "camunda", "storeId": "...", "documentId": "...", "contentHash": "...",
 *  "metadata": {"contentType": "...", "fileName": "...", "size": 123, "expiresAt": "...",
 *               "customProperties": {"pickerKey": "files::..."}}}
 * </pre>
 *
 * The local desk's uploads have the same shape (store {@link LocalDocuments#STORE_ID}), so one
 * worker path reads scans locally, in tests and in production.
 */
public record DocumentReference(
    String storeId,
    String documentId,
    String contentHash,
    String contentType,
    String fileName,
    Long size,
    Instant expiresAt,
    Map<String, Object> customProperties) {

  public static final String TYPE_FIELD = "camunda.document.type";
  public static final String TYPE = "camunda";

  public DocumentReference {
    customProperties = customProperties == null ? Map.of() : Map.copyOf(customProperties);
  }

  /** True if {@code value} is a map shaped as a Camunda document reference. */
  public static boolean isReference(Object value) {
    return value instanceof Map<?, ?> map
        && TYPE.equals(map.get(TYPE_FIELD))
        && map.get("documentId") != null;
  }

  /** Reads one reference from its process-variable form (a map). */
  @SuppressWarnings("unchecked")
  public static DocumentReference from(Object value) {
    if (!isReference(value)) {
      throw new IllegalArgumentException("not a Camunda document reference: " + value);
    }
    Map<String, Object> map = (Map<String, Object>) value;
    Map<String, Object> metadata =
        map.get("metadata") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    Object size = metadata.get("size");
    Object expires = metadata.get("expiresAt");
    return new DocumentReference(
        text(map.get("storeId")),
        text(map.get("documentId")),
        text(map.get("contentHash")),
        text(metadata.get("contentType")),
        text(metadata.get("fileName")),
        size instanceof Number n
            ? n.longValue()
            : size == null ? null : Long.valueOf(size.toString()),
        expires == null ? null : Instant.parse(expires.toString()),
        metadata.get("customProperties") instanceof Map<?, ?> c
            ? (Map<String, Object>) c
            : Map.of());
  }

  /** The process-variable form, as Camunda writes it. */
  public Map<String, Object> toVariable() {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("contentType", contentType);
    metadata.put("fileName", fileName);
    if (size != null) {
      metadata.put("size", size);
    }
    if (expiresAt != null) {
      metadata.put("expiresAt", expiresAt.toString());
    }
    metadata.put("customProperties", customProperties);
    Map<String, Object> v = new LinkedHashMap<>();
    v.put(TYPE_FIELD, TYPE);
    v.put("storeId", storeId);
    v.put("documentId", documentId);
    v.put("contentHash", contentHash);
    v.put("metadata", metadata);
    return v;
  }

  /** Every reference in a file picker's variable value (a list of references, or one). */
  public static List<DocumentReference> listFrom(Object value) {
    List<DocumentReference> refs = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object item : list) {
        refs.add(from(item));
      }
    } else if (value != null) {
      refs.add(from(value));
    }
    return refs;
  }

  private static String text(Object o) {
    return o == null ? null : o.toString();
  }
}

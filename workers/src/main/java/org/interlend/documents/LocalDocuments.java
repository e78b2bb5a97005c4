package org.interlend.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.interlend.storage.DocumentStore;

/**
 * The local desk's document store, standing in for Camunda's where the in-memory engine runs: files
 * go to the object store under {@code camunda-documents/<documentId>}, and the references it hands
 * out have Camunda's shape, with the content's SHA-256 as {@code contentHash} (as Camunda's AWS
 * store computes it), checked again when the document is read.
 */
public class LocalDocuments implements Documents {

  public static final String STORE_ID = "interlend-local";
  static final String PREFIX = "camunda-documents/";

  private final DocumentStore store;
  private final Duration timeToLive;

  public LocalDocuments(DocumentStore store, Duration timeToLive) {
    this.store = store;
    this.timeToLive = timeToLive;
  }

  /** Stores one uploaded file and returns its reference (what Tasklist's upload returns). */
  public DocumentReference create(
      InputStream content,
      String fileName,
      String contentType,
      Map<String, Object> customProperties) {
    Path spool = null;
    try {
      spool = Files.createTempFile("interlend-upload-", ".bin");
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(content, sha)) {
        Files.copy(in, spool, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      String hash = HexFormat.of().formatHex(sha.digest());
      String id = UUID.randomUUID().toString();
      long size = Files.size(spool);
      store.put(
          PREFIX + id,
          spool,
          contentType == null ? "application/octet-stream" : contentType,
          Map.of("content-hash", hash, "file-name", safe(fileName)));
      return new DocumentReference(
          STORE_ID,
          id,
          hash,
          contentType,
          fileName,
          size,
          Instant.now().plus(timeToLive),
          customProperties);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not take the upload " + fileName + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } finally {
      if (spool != null) {
        try {
          Files.deleteIfExists(spool);
        } catch (IOException ignored) {
          // a temporary file; the OS cleans it
        }
      }
    }
  }

  boolean holds(DocumentReference reference) {
    return STORE_ID.equals(reference.storeId());
  }

  @Override
  public InputStream open(DocumentReference reference) {
    String key = key(reference);
    var stat = store.stat(key);
    if (stat.isEmpty()) {
      throw new DocumentGoneException(
          "the uploaded file " + reference.fileName() + " is no longer stored");
    }
    String hash = stat.get().metadata().get("content-hash");
    if (reference.contentHash() == null || !reference.contentHash().equals(hash)) {
      throw new DocumentGoneException(
          "the uploaded file "
              + reference.fileName()
              + " is not the one the task was completed with");
    }
    return store.get(key);
  }

  @Override
  public void delete(DocumentReference reference) {
    store.remove(key(reference));
  }

  /** Where a reference of this store keeps its content in the object store. */
  public static String objectKey(DocumentReference reference) {
    return key(reference);
  }

  /** True for an object key of this store. */
  public static boolean isObjectKey(String key) {
    return key != null && key.startsWith(PREFIX);
  }

  private static String key(DocumentReference reference) {
    String id = reference.documentId();
    if (id == null || !id.matches("[A-Za-z0-9-]{1,64}")) {
      throw new DocumentGoneException("not a document id: " + id);
    }
    return PREFIX + id;
  }

  private static String safe(String fileName) {
    return fileName == null ? "upload" : fileName.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}

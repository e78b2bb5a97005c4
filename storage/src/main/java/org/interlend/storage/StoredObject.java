package org.interlend.storage;

import java.util.Map;

/**
 * What the store knows about one object.
 *
 * @param key the object key
 * @param size the size in bytes
 * @param contentType the content type given when it was stored
 * @param etag the entity tag, without quotes
 * @param metadata the user metadata; keys are lower case, as S3 returns them
 */
public record StoredObject(
    String key, long size, String contentType, String etag, Map<String, String> metadata) {

  public StoredObject {
    metadata = Map.copyOf(metadata);
  }
}

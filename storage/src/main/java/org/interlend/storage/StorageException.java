package org.interlend.storage;

/** An operation on the document store failed. */
public class StorageException extends RuntimeException {

  private final String operation;
  private final String key;
  private final String errorCode;

  /**
   * @param operation what was attempted, for example {@code get}
   * @param key the object key, or {@code null} for bucket operations
   * @param errorCode the S3 error code of the answer, or {@code null} when there was no answer
   */
  public StorageException(
      String operation, String key, String errorCode, String message, Throwable cause) {
    super(message, cause);
    this.operation = operation;
    this.key = key;
    this.errorCode = errorCode;
  }

  public String operation() {
    return operation;
  }

  /** The object key, or {@code null} for bucket operations. */
  public String key() {
    return key;
  }

  /**
   * The S3 error code (for example {@code NoSuchKey}), or {@code null} when the store did not
   * answer.
   */
  public String errorCode() {
    return errorCode;
  }

  /** Whether the object (or the bucket) does not exist. */
  public boolean isNotFound() {
    return "NoSuchKey".equals(errorCode) || "NoSuchBucket".equals(errorCode);
  }
}

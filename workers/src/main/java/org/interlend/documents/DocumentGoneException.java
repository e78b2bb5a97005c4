package org.interlend.documents;

/** The store does not have the document (any more), or it is not the one the reference names. */
public class DocumentGoneException extends RuntimeException {

  public DocumentGoneException(String message) {
    super(message);
  }
}

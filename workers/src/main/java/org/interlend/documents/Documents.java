package org.interlend.documents;

import java.io.InputStream;

/**
 * Reads and deletes the documents staff upload through task forms, whichever store holds them:
 * Camunda's document store (Tasklist in production) or the local desk's (local runs and tests). The
 * worker asking does not need to know which.
 */
public interface Documents {

  /**
   * The document's content; the caller closes it.
   *
   * @throws DocumentGoneException when the store no longer has it (or its content changed)
   * @throws org.interlend.storage.StorageException or a client exception when the store cannot be
   *     reached: a technical failure, to be retried
   */
  InputStream open(DocumentReference reference);

  /** Deletes the document; one that is gone already is fine. */
  void delete(DocumentReference reference);
}

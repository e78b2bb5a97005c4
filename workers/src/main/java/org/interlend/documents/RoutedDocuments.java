package org.interlend.documents;

import java.io.InputStream;

/**
 * Sends each reference to the store that holds it: the local desk's store for its own documents,
 * Camunda's document API for everything else (there is none when the in-memory engine runs).
 */
public class RoutedDocuments implements Documents {

  private final LocalDocuments local;
  private final Documents camunda;

  /**
   * @param camunda Camunda's document store, or null when the in-memory engine runs
   */
  public RoutedDocuments(LocalDocuments local, Documents camunda) {
    this.local = local;
    this.camunda = camunda;
  }

  @Override
  public InputStream open(DocumentReference reference) {
    return storeOf(reference).open(reference);
  }

  @Override
  public void delete(DocumentReference reference) {
    storeOf(reference).delete(reference);
  }

  private Documents storeOf(DocumentReference reference) {
    if (local.holds(reference)) {
      return local;
    }
    if (camunda == null) {
      throw new DocumentGoneException(
          "the uploaded file "
              + reference.fileName()
              + " is in document store "
              + reference.storeId()
              + ", which this installation does not have");
    }
    return camunda;
  }
}

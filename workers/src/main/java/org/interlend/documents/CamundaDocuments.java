package org.interlend.documents;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

/**
 * Documents in Camunda's document store (uploaded through Tasklist), read and deleted through the
 * official client's document API: {@code GET /v2/documents/{id}?storeId&contentHash} and {@code
 * DELETE /v2/documents/{id}?storeId} of the Orchestration Cluster REST API.
 */
public class CamundaDocuments implements Documents {

  private final CamundaClient client;

  public CamundaDocuments(CamundaClient client) {
    this.client = client;
  }

  @Override
  public InputStream open(DocumentReference reference) {
    try {
      var request = client.newDocumentContentGetRequest(reference.documentId());
      if (reference.storeId() != null) {
        request = request.storeId(reference.storeId());
      }
      return request.contentHash(reference.contentHash()).send().join(60, TimeUnit.SECONDS);
    } catch (ProblemException e) {
      if (e.code() == 404 || e.code() == 400) {
        throw new DocumentGoneException(
            "the uploaded file "
                + reference.fileName()
                + " cannot be read from Camunda's document store ("
                + e.code()
                + (e.details() == null ? "" : ": " + e.details().getDetail())
                + ")");
      }
      throw e;
    }
  }

  @Override
  public void delete(DocumentReference reference) {
    try {
      var command = client.newDeleteDocumentCommand(reference.documentId());
      if (reference.storeId() != null) {
        command = command.storeId(reference.storeId());
      }
      command.send().join(30, TimeUnit.SECONDS);
    } catch (ProblemException e) {
      if (e.code() != 404) {
        throw e;
      }
    }
  }
}

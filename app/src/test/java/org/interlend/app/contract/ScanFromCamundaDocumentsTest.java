package org.interlend.app.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.interlend.InterlendApplication;
import org.interlend.app.portal.TestPatrons;
import org.interlend.app.portal.TestScans;
import org.interlend.copying.DigitalDeliveries;
import org.interlend.documents.CamundaDocuments;
import org.interlend.documents.Documents;
import org.interlend.documents.LocalDocuments;
import org.interlend.documents.RoutedDocuments;
import org.interlend.requests.Request;
import org.interlend.requests.RequestStatus;
import org.interlend.requests.Requests;
import org.interlend.storage.DocumentStore;
import org.interlend.workflows.engine.EngineProjection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The production path of a scan: the supplier's upload arrives as Tasklist stores it, an array of
 * Camunda document references in the task's variable. The delivery process reads the file through
 * the official client's document API (served here by the stub of Camunda's REST API), validates and
 * watermarks it, stores the copy in the object store, and deletes the Camunda document.
 */
@SpringBootTest(
    classes = {InterlendApplication.class, ScanFromCamundaDocumentsTest.CamundaDocumentStore.class},
    properties = "interlend.test.context=camunda-documents")
@ActiveProfiles("test")
class ScanFromCamundaDocumentsTest {

  static final CamundaRestStub CAMUNDA = start();

  static CamundaRestStub start() {
    try {
      return CamundaApi.stub();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Camunda's document store behind the official client, pointed at the stub's REST API. The client
   * is not a bean: the engine's own client stays the one every worker uses.
   */
  static final CamundaClient STUBBED_CAMUNDA =
      CamundaClient.newClientBuilder()
          .applyEnvironmentVariableOverrides(false)
          .restAddress(URI.create(CAMUNDA.address()))
          .grpcAddress(URI.create("http://127.0.0.1:1"))
          .preferRestOverGrpc(false)
          .build();

  @TestConfiguration
  static class CamundaDocumentStore {
    @Bean
    @Primary
    Documents camundaAndLocalDocuments(LocalDocuments local) {
      return new RoutedDocuments(local, new CamundaDocuments(STUBBED_CAMUNDA));
    }
  }

  @AfterAll
  static void stop() {
    STUBBED_CAMUNDA.close();
    CAMUNDA.close();
  }

  @Autowired CamundaClient client;
  @Autowired JdbcTemplate jdbc;
  @Autowired Requests requests;
  @Autowired DigitalDeliveries deliveries;
  @Autowired DocumentStore store;
  @Autowired EngineProjection projection;

  @Test
  void aScanGivenAsCamundaDocumentReferencesIsDeliveredAndTheDocumentsDeleted() throws Exception {
    String patron = TestPatrons.create(jdbc, "ACADEMIC");
    Request request = requests.create("DIGITAL", patron, "Chapter 3 of a book scanned in Tasklist");
    Map<String, Object> upload =
        CamundaApi.upload("chapter-3.pdf", "application/pdf", TestScans.blankPages(3));
    String documentId = (String) upload.get("documentId");

    long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("digital-delivery")
            .latestVersion()
            .variables(
                Map.of(
                    "requestId",
                    request.id(),
                    "patronId",
                    patron,
                    "uploadKeys",
                    List.of(upload),
                    "expectedPages",
                    3))
            .send()
            .join()
            .getProcessInstanceKey();

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> requests.get(request.id()).status() == RequestStatus.DELIVERED);
    // the copy is in the object store, marked
    String key = deliveries.get(request.id()).objectKey();
    try (InputStream in = store.get(key);
        PDDocument copy = Loader.loadPDF(in.readAllBytes())) {
      assertThat(copy.getNumberOfPages()).isEqualTo(4); // the cover and the 3 pages
      assertThat(new PDFTextStripper().getText(copy)).contains(request.id()).contains(patron);
    }
    // the raw scan was read through the document API and deleted from Camunda's store
    assertThat(CAMUNDA.calls("GET", "/documents/" + documentId)).hasSize(1);
    assertThat(CAMUNDA.calls("GET", "/documents/" + documentId).get(0).query())
        .containsEntry("storeId", "aws")
        .containsEntry("contentHash", (String) upload.get("contentHash"));
    await().atMost(Duration.ofSeconds(10)).until(() -> !CamundaApi.stored(documentId));
    assertThat(CAMUNDA.calls("DELETE", "/documents/" + documentId)).isNotEmpty();
    assertThat(CAMUNDA.violations()).as("requests the 8.8 REST API does not document").isEmpty();

    client.newCancelInstanceCommand(instance).send().join();
  }
}

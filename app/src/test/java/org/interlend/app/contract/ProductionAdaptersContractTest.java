package org.interlend.app.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.interlend.app.config.ClusterProcessState;
import org.interlend.documents.CamundaDocuments;
import org.interlend.documents.DocumentGoneException;
import org.interlend.documents.DocumentReference;
import org.interlend.workflows.engine.CamundaUserTasks;
import org.interlend.workflows.engine.UserTasks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production adapters (what Interlend calls on a Camunda 8.8 cluster) against a stub of
 * Camunda's REST API that follows the 8.8 reference ({@link CamundaApi}): each adapter sends the
 * documented request and understands the documented answers, errors included. Calls the adapters
 * make over gRPC (start instances, publish messages, jobs) go to the same gateway protocol the
 * in-memory engine implements, and run in every process test.
 */
class ProductionAdaptersContractTest {

  static CamundaRestStub camunda;
  static CamundaClient client;

  @BeforeAll
  static void start() throws Exception {
    camunda = CamundaApi.stub();
    client =
        CamundaClient.newClientBuilder()
            .applyEnvironmentVariableOverrides(false)
            .restAddress(URI.create(camunda.address()))
            .grpcAddress(URI.create("http://127.0.0.1:1")) // no gRPC here: REST calls only
            .preferRestOverGrpc(false)
            .build();
  }

  @AfterAll
  static void stop() {
    client.close();
    camunda.close();
  }

  @AfterEach
  void noUndocumentedCalls() {
    assertThat(camunda.violations()).as("requests the 8.8 REST API does not document").isEmpty();
    camunda.reset();
    CamundaApi.reset();
  }

  @Test
  void openUserTasksAreSearchedByStateAndReadFromTheDocumentedResult() {
    List<UserTasks.OpenTask> open = new CamundaUserTasks(client).open();

    assertThat(open).hasSize(1);
    UserTasks.OpenTask task = open.get(0);
    assertThat(task.key()).isEqualTo(CamundaApi.OPEN_TASK);
    assertThat(task.elementId()).isEqualTo("hkallPullAndShip");
    assertThat(task.bpmnProcessId()).isEqualTo("physical-loan");
    assertThat(task.candidateGroups()).containsExactly("staff-hku");
    assertThat(task.processInstanceKey()).isEqualTo(CamundaApi.INSTANCE);
    JsonNode sent = camunda.calls("POST", "/user-tasks/search").get(0).body();
    assertThat(equalsFilter(sent.at("/filter/state"))).isEqualTo("CREATED");
  }

  @Test
  void completingSendsTheVariablesAndALostRaceIsTaskNotOpen() {
    CamundaUserTasks tasks = new CamundaUserTasks(client);
    tasks.complete(CamundaApi.OPEN_TASK, Map.of("shipOutcome", "SHIPPED", "shipNote", "by van"));

    CamundaRestStub.Call call = camunda.calls("POST", "/user-tasks/").get(0);
    assertThat(call.path()).isEqualTo("/v2/user-tasks/" + CamundaApi.OPEN_TASK + "/completion");
    assertThat(call.body().at("/variables/shipOutcome").asText()).isEqualTo("SHIPPED");

    // completed a moment ago by someone else: the engine has forgotten it, Camunda answers 404
    assertThatThrownBy(() -> tasks.complete(CamundaApi.COMPLETED_TASK, Map.of()))
        .isInstanceOf(UserTasks.TaskNotOpenException.class)
        .hasMessageContaining("no such user task was found");
  }

  @Test
  void processVariablesAreSearchedInTheInstancesOwnScopeWithFullValues() {
    Map<String, Object> variables =
        new CamundaUserTasks(client).processVariables(CamundaApi.INSTANCE);

    assertThat(variables).containsEntry("requestId", "R-1001");
    assertThat((List<?>) variables.get("scanFiles")).hasSize(1);
    CamundaRestStub.Call call = camunda.calls("POST", "/variables/search").get(0);
    assertThat(call.query()).containsEntry("truncateValues", "false");
    assertThat(equalsFilter(call.body().at("/filter/processInstanceKey")))
        .isEqualTo(String.valueOf(CamundaApi.INSTANCE));
    assertThat(equalsFilter(call.body().at("/filter/scopeKey")))
        .isEqualTo(String.valueOf(CamundaApi.INSTANCE));
  }

  @Test
  void aTasklistUploadIsReadWithItsStoreAndHashAndDeletedAfterwards() throws Exception {
    CamundaDocuments documents = new CamundaDocuments(client);
    DocumentReference upload = DocumentReference.from(CamundaApi.uploadReference());

    try (InputStream in = documents.open(upload)) {
      assertThat(in.readAllBytes()).isEqualTo(CamundaApi.UPLOAD_CONTENT);
    }
    CamundaRestStub.Call read = camunda.calls("GET", "/documents/").get(0);
    assertThat(read.query())
        .containsEntry("storeId", "aws")
        .containsEntry("contentHash", CamundaApi.UPLOAD_HASH);

    documents.delete(upload);
    documents.delete(upload); // gone already (404): fine
    assertThat(camunda.calls("DELETE", "/documents/" + upload.documentId())).hasSize(2);

    assertThatThrownBy(() -> documents.open(upload)).isInstanceOf(DocumentGoneException.class);
  }

  @Test
  void aDocumentWithAnotherHashIsGoneNotRead() {
    Map<String, Object> tampered = CamundaApi.uploadReference();
    tampered.put("contentHash", "0".repeat(64));
    assertThatThrownBy(() -> new CamundaDocuments(client).open(DocumentReference.from(tampered)))
        .isInstanceOf(DocumentGoneException.class)
        .hasMessageContaining("400");
  }

  @Test
  void aProcessInstancesStateComesFromTheDocumentedGet() {
    ClusterProcessState states = new ClusterProcessState(client);
    assertThat(states.live(CamundaApi.INSTANCE)).contains(true);
    assertThat(states.live(CamundaApi.ENDED_INSTANCE)).contains(false);
    assertThat(states.live(CamundaApi.UNKNOWN_INSTANCE))
        .as("not exported yet")
        .isEqualTo(Optional.empty());
  }

  /** A documented filter property: a plain value, or the advanced form {"$eq": value}. */
  static String equalsFilter(JsonNode property) {
    return property.isObject() ? property.path("$eq").asText() : property.asText();
  }

  /** The stub itself refuses what the reference does not document, so adapters cannot drift. */
  @Test
  void theStubRefusesAWrongPathAndAnUndocumentedField() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> wrongPath =
        http.send(
            HttpRequest.newBuilder(URI.create(camunda.address() + "/v2/user-tasks/1/complete"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> wrongField =
        http.send(
            HttpRequest.newBuilder(URI.create(camunda.address() + "/v2/user-tasks/search"))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"filter\":{\"candidateGroups\":\"x\"}}", StandardCharsets.UTF_8))
                .header("Content-Type", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(wrongPath.statusCode()).isEqualTo(404);
    assertThat(wrongField.statusCode()).isEqualTo(400);
    assertThat(camunda.violations())
        .anyMatch(v -> v.contains("/v2/user-tasks/1/complete: no such endpoint"))
        .anyMatch(v -> v.contains("filter field 'candidateGroups' is not documented"));
    camunda.reset();
  }
}

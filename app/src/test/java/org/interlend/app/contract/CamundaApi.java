package org.interlend.app.contract;

import static org.interlend.app.contract.CamundaRestStub.Answer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The endpoints of Camunda 8.8's Orchestration Cluster REST API that Interlend's production
 * adapters call, as the 8.8 reference documents them (page ids under {@link CamundaRestStub#DOCS}),
 * with answers in the documented shapes (all keys are JSON strings, errors are RFC 9457 problems
 * whose title is the rejection's name):
 *
 * <table>
 *   <tr><th>adapter call</th><th>endpoint</th><th>reference page</th></tr>
 *   <tr><td>open user tasks</td><td>POST /v2/user-tasks/search</td><td>search-user-tasks</td></tr>
 *   <tr><td>complete a user task</td><td>POST /v2/user-tasks/{key}/completion</td><td>complete-user-task</td></tr>
 *   <tr><td>claim a user task</td><td>POST /v2/user-tasks/{key}/assignment</td><td>assign-user-task</td></tr>
 *   <tr><td>unclaim a user task</td><td>DELETE /v2/user-tasks/{key}/assignee</td><td>unassign-user-task</td></tr>
 *   <tr><td>process variables</td><td>POST /v2/variables/search</td><td>search-variables</td></tr>
 *   <tr><td>read an upload</td><td>GET /v2/documents/{id}</td><td>get-document</td></tr>
 *   <tr><td>delete an upload</td><td>DELETE /v2/documents/{id}</td><td>delete-document</td></tr>
 *   <tr><td>is a process running</td><td>GET /v2/process-instances/{key}</td><td>get-process-instance</td></tr>
 *   <tr><td>incidents of an instance</td><td>POST /v2/incidents/search</td><td>search-incidents</td></tr>
 *   <tr><td>retry a job</td><td>PATCH /v2/jobs/{key}</td><td>update-job</td></tr>
 *   <tr><td>resolve an incident</td><td>POST /v2/incidents/{key}/resolution</td><td>resolve-incident</td></tr>
 * </table>
 */
final class CamundaApi {

  static final long INSTANCE = 2251799813685249L;
  static final long ENDED_INSTANCE = 2251799813685300L;
  static final long UNKNOWN_INSTANCE = 2251799813685999L;
  static final long OPEN_TASK = 2251799813685260L;
  static final long COMPLETED_TASK = 2251799813685261L;
  static final long INCIDENT = 2251799813685270L;
  static final long JOB = 2251799813685271L;
  static final String DOCUMENT_ID = "5a1b2c3d-0000-4000-8000-000000000001";
  static final byte[] UPLOAD_CONTENT = "%PDF-1.7 a scan".getBytes(StandardCharsets.US_ASCII);
  static final String UPLOAD_HASH = sha256(UPLOAD_CONTENT);

  private static final Set<String> SEARCH_BODY = Set.of("filter", "sort", "page");
  private static final Set<String> PAGE = Set.of("from", "limit", "after", "before");

  /** search-user-tasks: the documented filter fields (UserTaskFilter). */
  private static final Set<String> USER_TASK_FILTER =
      Set.of(
          "state",
          "assignee",
          "priority",
          "elementId",
          "name",
          "candidateGroup",
          "candidateUser",
          "tenantId",
          "processDefinitionId",
          "creationDate",
          "completionDate",
          "followUpDate",
          "dueDate",
          "processInstanceVariables",
          "localVariables",
          "userTaskKey",
          "processDefinitionKey",
          "processInstanceKey",
          "elementInstanceKey");

  /** search-variables: the documented filter fields (VariableFilter). */
  private static final Set<String> VARIABLE_FILTER =
      Set.of(
          "name",
          "value",
          "tenantId",
          "isTruncated",
          "variableKey",
          "scopeKey",
          "processInstanceKey");

  /** search-incidents: the documented filter fields (IncidentFilter). */
  private static final Set<String> INCIDENT_FILTER =
      Set.of(
          "processDefinitionId",
          "errorType",
          "errorMessage",
          "elementId",
          "creationTime",
          "state",
          "tenantId",
          "incidentKey",
          "processDefinitionKey",
          "processInstanceKey",
          "elementInstanceKey",
          "jobKey");

  private CamundaApi() {}

  static CamundaRestStub stub() throws IOException {
    CamundaRestStub stub = new CamundaRestStub();
    stub.route(
            "POST",
            "/user-tasks/search",
            "search-user-tasks",
            Set.of(),
            Set.of(),
            SEARCH_BODY,
            Set.of(),
            Map.of("filter", USER_TASK_FILTER, "page", PAGE),
            r -> Answer.json(200, page(List.of(openTask()))))
        .route(
            "POST",
            "/user-tasks/(\\d+)/completion",
            "complete-user-task",
            Set.of(),
            Set.of(),
            Set.of("variables", "action"),
            Set.of(),
            Map.of(),
            r ->
                Long.parseLong(r.param(0)) == OPEN_TASK
                    ? Answer.empty(204)
                    : Answer.problem(
                        404,
                        "NOT_FOUND",
                        "Command 'COMPLETE' rejected with code 'NOT_FOUND': Expected to complete user task"
                            + " with key '"
                            + r.param(0)
                            + "', but no such user task was found",
                        r.path()))
        .route(
            "POST",
            "/user-tasks/(\\d+)/assignment",
            "assign-user-task",
            Set.of(),
            Set.of(),
            Set.of("assignee", "allowOverride", "action"),
            Set.of("assignee"),
            Map.of(),
            r ->
                Long.parseLong(r.param(0)) == OPEN_TASK
                    ? Answer.empty(204)
                    : Answer.problem(
                        404,
                        "NOT_FOUND",
                        "Command 'ASSIGN' rejected with code 'NOT_FOUND': Expected to assign user task with"
                            + " key '"
                            + r.param(0)
                            + "', but no such user task was found",
                        r.path()))
        .route(
            "DELETE",
            "/user-tasks/(\\d+)/assignee",
            "unassign-user-task",
            Set.of(),
            Set.of(),
            null,
            Set.of(),
            Map.of(),
            r -> Answer.empty(204))
        .route(
            "POST",
            "/variables/search",
            "search-variables",
            Set.of(),
            Set.of("truncateValues"),
            SEARCH_BODY,
            Set.of(),
            Map.of("filter", VARIABLE_FILTER, "page", PAGE),
            r ->
                Answer.json(
                    200,
                    page(
                        List.of(
                            variable("requestId", "\"R-1001\""),
                            variable("scanFiles", "[" + json(uploadReference()) + "]")))))
        .route(
            "GET",
            "/documents/([^/]+)",
            "get-document",
            Set.of("contentHash"),
            Set.of("storeId", "contentHash"),
            null,
            Set.of(),
            Map.of(),
            r -> {
              byte[] content = DOCUMENTS.get(r.param(0));
              if (content == null) {
                return Answer.problem(
                    404, "NOT_FOUND", "Document with id '" + r.param(0) + "' not found", r.path());
              }
              if (!sha256(content).equals(r.query().get("contentHash"))) {
                return Answer.problem(
                    400,
                    "INVALID_ARGUMENT",
                    "Document hash for document "
                        + r.param(0)
                        + " doesn't match the provided hash "
                        + r.query().get("contentHash"),
                    r.path());
              }
              return new Answer(200, "application/octet-stream", content);
            })
        .route(
            "DELETE",
            "/documents/([^/]+)",
            "delete-document",
            Set.of(),
            Set.of("storeId"),
            null,
            Set.of(),
            Map.of(),
            r ->
                DOCUMENTS.remove(r.param(0)) == null
                    ? Answer.problem(
                        404,
                        "NOT_FOUND",
                        "Document with id '" + r.param(0) + "' not found",
                        r.path())
                    : Answer.empty(204))
        .route(
            "GET",
            "/process-instances/(\\d+)",
            "get-process-instance",
            Set.of(),
            Set.of(),
            null,
            Set.of(),
            Map.of(),
            r -> {
              long key = Long.parseLong(r.param(0));
              if (key == INSTANCE || key == ENDED_INSTANCE) {
                return Answer.json(
                    200, processInstance(key, key == INSTANCE ? "ACTIVE" : "COMPLETED"));
              }
              return Answer.problem(
                  404, "NOT_FOUND", "Process instance with key '" + key + "' not found", r.path());
            })
        .route(
            "POST",
            "/incidents/search",
            "search-incidents",
            Set.of(),
            Set.of(),
            SEARCH_BODY,
            Set.of(),
            Map.of("filter", INCIDENT_FILTER, "page", PAGE),
            r -> Answer.json(200, page(List.of(incident()))))
        .route(
            "PATCH",
            "/jobs/(\\d+)",
            "update-job",
            Set.of(),
            Set.of(),
            Set.of("changeset", "operationReference"),
            Set.of("changeset"),
            Map.of("changeset", Set.of("retries", "timeout")),
            r ->
                Long.parseLong(r.param(0)) == JOB
                    ? Answer.empty(204)
                    : Answer.problem(
                        404, "NOT_FOUND", "Job with key '" + r.param(0) + "' not found", r.path()))
        .route(
            "POST",
            "/incidents/(\\d+)/resolution",
            "resolve-incident",
            Set.of(),
            Set.of(),
            Set.of("operationReference"),
            Set.of(),
            Map.of(),
            r ->
                Long.parseLong(r.param(0)) == INCIDENT
                    ? Answer.empty(204)
                    : Answer.problem(
                        404,
                        "NOT_FOUND",
                        "Incident with key '" + r.param(0) + "' not found",
                        r.path()));
    reset();
    return stub;
  }

  /** The documents in the stub's store (its only state), by id. */
  private static final Map<String, byte[]> DOCUMENTS =
      new java.util.concurrent.ConcurrentHashMap<>();

  static void reset() {
    DOCUMENTS.clear();
    DOCUMENTS.put(DOCUMENT_ID, UPLOAD_CONTENT);
  }

  /** Puts a file in the stub's store, as Tasklist's upload would, and returns its reference. */
  static Map<String, Object> upload(String fileName, String contentType, byte[] content) {
    String id = java.util.UUID.randomUUID().toString();
    DOCUMENTS.put(id, content);
    Map<String, Object> ref = uploadReference();
    ref.put("documentId", id);
    ref.put("contentHash", sha256(content));
    @SuppressWarnings("unchecked")
    Map<String, Object> metadata = new LinkedHashMap<>((Map<String, Object>) ref.get("metadata"));
    metadata.put("fileName", fileName);
    metadata.put("contentType", contentType);
    metadata.put("size", content.length);
    ref.put("metadata", metadata);
    return ref;
  }

  static boolean stored(String documentId) {
    return DOCUMENTS.containsKey(documentId);
  }

  /** A file picker's upload as Tasklist stores it (create-documents' DocumentReference). */
  static Map<String, Object> uploadReference() {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("contentType", "application/pdf");
    metadata.put("fileName", "scan.pdf");
    metadata.put("size", UPLOAD_CONTENT.length);
    metadata.put("expiresAt", "2026-12-31T00:00:00Z");
    metadata.put("customProperties", Map.of("pickerKey", "files::scanFiles"));
    Map<String, Object> ref = new LinkedHashMap<>();
    ref.put("camunda.document.type", "camunda");
    ref.put("storeId", "aws");
    ref.put("documentId", DOCUMENT_ID);
    ref.put("contentHash", UPLOAD_HASH);
    ref.put("metadata", metadata);
    return ref;
  }

  private static Map<String, Object> page(List<?> items) {
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("totalItems", items.size());
    page.put("hasMoreTotalItems", false);
    page.put("startCursor", "WzBd");
    page.put("endCursor", "WzFd");
    return Map.of("items", items, "page", page);
  }

  /** search-user-tasks: UserTaskResult. */
  private static Map<String, Object> openTask() {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("name", "Pull and ship");
    t.put("state", "CREATED");
    t.put("elementId", "hkallPullAndShip");
    t.put("candidateGroups", List.of("staff-hku"));
    t.put("candidateUsers", List.of());
    t.put("processDefinitionId", "physical-loan");
    t.put("creationDate", "2026-11-20T02:00:00.000Z");
    t.put("tenantId", "<default>");
    t.put("processDefinitionVersion", 1);
    t.put("customHeaders", Map.of());
    t.put("priority", 50);
    t.put("userTaskKey", String.valueOf(OPEN_TASK));
    t.put("elementInstanceKey", "2251799813685259");
    t.put("processName", "HKALL physical loan");
    t.put("processDefinitionKey", "2251799813685100");
    t.put("processInstanceKey", String.valueOf(INSTANCE));
    t.put("formKey", "2251799813685101");
    return t;
  }

  /** search-variables: VariableSearchResult (value is JSON text). */
  private static Map<String, Object> variable(String name, String json) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("name", name);
    v.put("value", json);
    v.put("isTruncated", false);
    v.put("tenantId", "<default>");
    v.put("variableKey", String.valueOf(Math.abs(name.hashCode())));
    v.put("scopeKey", String.valueOf(INSTANCE));
    v.put("processInstanceKey", String.valueOf(INSTANCE));
    return v;
  }

  /** get-process-instance: ProcessInstanceResult with its required fields. */
  private static Map<String, Object> processInstance(long key, String state) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("processDefinitionId", "physical-loan");
    p.put("processDefinitionName", "HKALL physical loan");
    p.put("processDefinitionVersion", 1);
    p.put("startDate", "2026-11-20T01:59:59.000Z");
    if (!state.equals("ACTIVE")) {
      p.put("endDate", "2026-11-21T01:59:59.000Z");
    }
    p.put("state", state);
    p.put("hasIncident", false);
    p.put("tenantId", "<default>");
    p.put("processInstanceKey", String.valueOf(key));
    p.put("processDefinitionKey", "2251799813685100");
    return p;
  }

  /** search-incidents: IncidentResult. */
  private static Map<String, Object> incident() {
    Map<String, Object> i = new LinkedHashMap<>();
    i.put("processDefinitionId", "digital-delivery");
    i.put("errorType", "JOB_NO_RETRIES");
    i.put("errorMessage", "StorageException: the document store is not reachable");
    i.put("elementId", "watermarkScan");
    i.put("creationTime", "2026-11-20T03:00:00.000Z");
    i.put("state", "ACTIVE");
    i.put("tenantId", "<default>");
    i.put("incidentKey", String.valueOf(INCIDENT));
    i.put("processDefinitionKey", "2251799813685102");
    i.put("processInstanceKey", String.valueOf(INSTANCE));
    i.put("elementInstanceKey", "2251799813685269");
    i.put("jobKey", String.valueOf(JOB));
    return i;
  }

  private static String json(Object o) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(o);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

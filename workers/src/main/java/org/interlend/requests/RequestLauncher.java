package org.interlend.requests;

import io.camunda.client.CamundaClient;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Places a request: records it, starts its top-level process instance keyed by the request id, and
 * publishes the messages about it. If the engine refuses the start, the request is removed again,
 * so that nothing is half-created.
 */
@Service
public class RequestLauncher {

  private final Requests requests;
  private final CamundaClient client;
  private final JdbcTemplate jdbc;

  public RequestLauncher(Requests requests, CamundaClient client, JdbcTemplate jdbc) {
    this.requests = requests;
    this.client = client;
    this.jdbc = jdbc;
  }

  /**
   * @param variables the process's start variables (small: ids and keys, no documents); {@code
   *     requestId} and {@code patronId} are added
   */
  public Request launch(
      String kind, String processId, String patronId, String title, Map<String, Object> variables) {
    Request request = requests.create(kind, patronId, title);
    Map<String, Object> start = new HashMap<>(variables);
    start.put("requestId", request.id());
    start.put("patronId", patronId);
    try {
      long key =
          client
              .newCreateInstanceCommand()
              .bpmnProcessId(processId)
              .latestVersion()
              .variables(start)
              .send()
              .join(30, java.util.concurrent.TimeUnit.SECONDS)
              .getProcessInstanceKey();
      requests.attachProcess(request.id(), key);
      return requests.get(request.id());
    } catch (RuntimeException e) {
      remove(request.id());
      throw new IllegalStateException(
          "the workflow engine did not start "
              + processId
              + " for "
              + request.id()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private void remove(String requestId) {
    jdbc.update("delete from request_event where request_id = ?", requestId);
    jdbc.update("delete from request where id = ?", requestId);
  }
}

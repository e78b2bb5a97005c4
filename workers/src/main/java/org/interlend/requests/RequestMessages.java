package org.interlend.requests;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Service;

/**
 * Sends the messages about a request to its process (the correlation key is the request id): a
 * patron's cancel, renew or charge answer, staff's check-in, recall or loss report. A message for a
 * request whose process no longer runs is refused with {@link RequestNotActiveException}, never
 * accepted to do nothing.
 */
@Service
public class RequestMessages {

  /** How long a message waits for the process to be ready for it (e.g. a cancel during a step). */
  public static final Duration TIME_TO_LIVE = Duration.ofMinutes(10);

  /** What became of a message. */
  public enum Sent {
    /** The engine took it. */
    SENT,
    /** A message with the same id is still waiting: this one is the same message, sent twice. */
    DUPLICATE
  }

  private final CamundaClient client;
  private final Requests requests;
  private final ProcessState processes;

  public RequestMessages(CamundaClient client, Requests requests, ProcessState processes) {
    this.client = client;
    this.requests = requests;
    this.processes = processes;
  }

  /**
   * @param messageId makes a second send of the same message a {@link Sent#DUPLICATE} while the
   *     first waits; null for none
   */
  public Sent publish(
      String messageName, String requestId, String messageId, Map<String, Object> variables) {
    requireRunning(requests.get(requestId));
    var command =
        client
            .newPublishMessageCommand()
            .messageName(messageName)
            .correlationKey(requestId)
            .timeToLive(TIME_TO_LIVE)
            .variables(variables == null ? Map.of() : variables);
    if (messageId != null) {
      command = command.messageId(messageId);
    }
    try {
      command.send().join(30, TimeUnit.SECONDS);
      return Sent.SENT;
    } catch (ClientStatusException e) {
      if (messageId != null && e.getStatusCode() == Status.Code.ALREADY_EXISTS) {
        return Sent.DUPLICATE;
      }
      throw e;
    }
  }

  /**
   * Throws {@link RequestNotActiveException} if the request has ended or its process no longer
   * runs: call it before changing anything for an action.
   */
  public void requireActive(String requestId) {
    Request request = requests.get(requestId);
    if (request.status().terminal()) {
      throw notActive(request);
    }
    requireRunning(request);
  }

  private void requireRunning(Request request) {
    Long key = request.processInstanceKey();
    if (key == null || processes.live(key).map(live -> !live).orElse(false)) {
      throw notActive(request);
    }
  }

  private static RequestNotActiveException notActive(Request request) {
    String requestId = request.id();
    {
      return new RequestNotActiveException(
          requestId,
          "Request "
              + requestId
              + " is "
              + request.status().label()
              + (request.status().terminal() ? "" : ", but its process is no longer running")
              + ": nothing can be changed any more.");
    }
  }
}

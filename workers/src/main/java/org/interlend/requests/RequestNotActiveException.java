package org.interlend.requests;

/**
 * An action on a request whose process no longer runs (it ended, or was lost with a restarted local
 * engine): nothing would happen, so the action is refused with the reason.
 */
public class RequestNotActiveException extends RuntimeException {

  private final String requestId;

  public RequestNotActiveException(String requestId, String message) {
    super(message);
    this.requestId = requestId;
  }

  public String requestId() {
    return requestId;
  }
}

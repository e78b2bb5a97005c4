package org.interlend.workflows.engine;

/**
 * The workflow engine cannot take work now: its processing failed, it is not reachable, or it did
 * not answer in time. The web layer answers 503 with this message; nothing was changed.
 */
public class EngineUnavailableException extends RuntimeException {

  public EngineUnavailableException(String message) {
    super(message);
  }

  public EngineUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}

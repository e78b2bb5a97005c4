package org.interlend.requests;

import java.util.Optional;

/**
 * Whether a request's process instance is still running, as the engine knows it. Implemented where
 * the engine is (the app wires the in-memory engine's projection, or Camunda's REST API).
 */
public interface ProcessState {

  /**
   * True if running, false if ended or unknown to the engine, empty if the engine cannot say now.
   */
  Optional<Boolean> live(long processInstanceKey);
}

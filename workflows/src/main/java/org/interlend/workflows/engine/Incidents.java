package org.interlend.workflows.engine;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The engine's open incidents (a job that used up its retries, an expression that failed) and their
 * retry, wherever the engine runs: the local projection and gRPC commands on the in-memory engine
 * ({@link LocalIncidents}), Camunda's REST API on a cluster ({@link CamundaIncidents}).
 */
public interface Incidents {

  /** An open incident: where it stands and why. {@code jobKey} is -1 when no job is involved. */
  record Incident(
      long key,
      long processInstanceKey,
      String processId,
      String elementId,
      String errorType,
      String message,
      long jobKey,
      Instant created) {}

  /** Every open incident, oldest first (at most {@code limit}). */
  List<Incident> open(int limit);

  /** The open incidents of these process instances, oldest first. */
  List<Incident> of(Collection<Long> processInstanceKeys);

  /**
   * Retries after the cause was fixed: gives the failed job {@code retries} again, then resolves
   * the incident, so the engine runs the step once more.
   *
   * @throws IncidentGoneException when the incident is no longer open (someone retried it first)
   */
  void retry(long incidentKey, int retries);

  /** The incident was resolved before, or never existed. */
  class IncidentGoneException extends RuntimeException {
    public IncidentGoneException(String message) {
      super(message);
    }
  }
}

package org.interlend.workflows.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Incidents on the in-memory engine: read from the {@link EngineProjection}, retried through the
 * engine's gRPC gateway (update the job's retries, then resolve the incident), as Operate does.
 */
public class LocalIncidents implements Incidents {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final EngineProjection projection;
  private final CamundaClient client;

  public LocalIncidents(EngineProjection projection, CamundaClient client) {
    this.projection = projection;
    this.client = client;
  }

  @Override
  public List<Incident> open(int limit) {
    return projection.incidents().stream().limit(limit).map(LocalIncidents::of).toList();
  }

  @Override
  public List<Incident> of(Collection<Long> processInstanceKeys) {
    return projection.incidents().stream()
        .filter(i -> processInstanceKeys.contains(i.processInstanceKey()))
        .map(LocalIncidents::of)
        .toList();
  }

  @Override
  public void retry(long incidentKey, int retries) {
    EngineProjection.Incident incident =
        projection.incidents().stream()
            .filter(i -> i.key() == incidentKey)
            .findFirst()
            .orElseThrow(
                () -> new IncidentGoneException("incident " + incidentKey + " is not open"));
    try {
      if (incident.jobKey() > 0) {
        client
            .newUpdateRetriesCommand(incident.jobKey())
            .retries(retries)
            .send()
            .join(WAIT.toSeconds(), TimeUnit.SECONDS);
      }
      client.newResolveIncidentCommand(incidentKey).send().join(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (ClientStatusException e) {
      if (e.getStatusCode() == Status.Code.NOT_FOUND) {
        throw new IncidentGoneException(
            "incident " + incidentKey + " is not open: " + e.getMessage());
      }
      throw e;
    }
  }

  private static Incident of(EngineProjection.Incident i) {
    return new Incident(
        i.key(),
        i.processInstanceKey(),
        i.processId(),
        i.elementId(),
        i.errorType(),
        i.message(),
        i.jobKey(),
        i.created());
  }
}

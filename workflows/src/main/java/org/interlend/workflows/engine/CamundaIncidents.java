package org.interlend.workflows.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.IncidentState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Incidents on a Camunda 8.8 cluster through its REST API: {@code POST /v2/incidents/search} (state
 * ACTIVE, by process instance), {@code GET /v2/incidents/{key}}, then {@code PATCH
 * /v2/jobs/{jobKey}} with new retries and {@code POST /v2/incidents/{key}/resolution}, in that
 * order (a job-retries incident resolved while the job has no retries comes straight back).
 */
public class CamundaIncidents implements Incidents {

  private static final long WAIT_SECONDS = 30;

  private final CamundaClient client;

  public CamundaIncidents(CamundaClient client) {
    this.client = client;
  }

  @Override
  public List<Incident> open(int limit) {
    return client
        .newIncidentSearchRequest()
        .filter(f -> f.state(IncidentState.ACTIVE))
        .page(p -> p.limit(limit))
        .send()
        .join(WAIT_SECONDS, TimeUnit.SECONDS)
        .items()
        .stream()
        .map(CamundaIncidents::of)
        .sorted(Comparator.comparing(Incident::created))
        .toList();
  }

  @Override
  public List<Incident> of(Collection<Long> processInstanceKeys) {
    List<Incident> found = new ArrayList<>();
    for (long key : processInstanceKeys) {
      client
          .newIncidentSearchRequest()
          .filter(f -> f.processInstanceKey(key).state(IncidentState.ACTIVE))
          .send()
          .join(WAIT_SECONDS, TimeUnit.SECONDS)
          .items()
          .forEach(i -> found.add(of(i)));
    }
    found.sort(Comparator.comparing(Incident::created));
    return found;
  }

  @Override
  public void retry(long incidentKey, int retries) {
    try {
      var incident =
          client.newIncidentGetRequest(incidentKey).send().join(WAIT_SECONDS, TimeUnit.SECONDS);
      if (incident.getState() != null && incident.getState() != IncidentState.ACTIVE) {
        throw new IncidentGoneException("incident " + incidentKey + " is " + incident.getState());
      }
      if (incident.getJobKey() != null && incident.getJobKey() > 0) {
        client
            .newUpdateRetriesCommand(incident.getJobKey())
            .retries(retries)
            .send()
            .join(WAIT_SECONDS, TimeUnit.SECONDS);
      }
      client.newResolveIncidentCommand(incidentKey).send().join(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ProblemException e) {
      if (e.code() == 404) {
        throw new IncidentGoneException("incident " + incidentKey + " is not open");
      }
      throw e;
    }
  }

  private static Incident of(io.camunda.client.api.search.response.Incident i) {
    return new Incident(
        i.getIncidentKey(),
        i.getProcessInstanceKey() == null ? -1 : i.getProcessInstanceKey(),
        i.getProcessDefinitionId(),
        i.getElementId(),
        i.getErrorType() == null ? null : i.getErrorType().name(),
        i.getErrorMessage(),
        i.getJobKey() == null ? -1 : i.getJobKey(),
        i.getCreationTime() == null ? Instant.EPOCH : i.getCreationTime().toInstant());
  }
}

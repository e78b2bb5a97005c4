package org.interlend.app.config;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.interlend.requests.ProcessState;

/**
 * Whether a process instance runs on a Camunda cluster: {@code GET /v2/process-instances/{key}}
 * (secondary storage, a moment behind the engine). Only a definite answer counts: ACTIVE is
 * running, COMPLETED or TERMINATED is not; an instance not found yet, or an API that cannot be
 * reached, leaves the decision to the engine.
 */
public class ClusterProcessState implements ProcessState {

  private final CamundaClient client;

  public ClusterProcessState(CamundaClient client) {
    this.client = client;
  }

  @Override
  public Optional<Boolean> live(long processInstanceKey) {
    try {
      ProcessInstanceState state =
          client
              .newProcessInstanceGetRequest(processInstanceKey)
              .send()
              .join(5, TimeUnit.SECONDS)
              .getState();
      return switch (state) {
        case ACTIVE -> Optional.of(true);
        case COMPLETED, TERMINATED -> Optional.of(false);
        default -> Optional.empty();
      };
    } catch (ProblemException e) {
      return Optional.empty(); // 404: not exported yet
    } catch (RuntimeException e) {
      return Optional.empty(); // unreachable: the engine itself will decide
    }
  }
}

package org.interlend.workflows.engine;

import io.camunda.client.CamundaClient;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Whether a Camunda cluster answers: its topology, asked at most every few seconds so that the
 * answer costs nothing on the request path.
 */
final class ClusterStatus implements EngineStatus {

  private static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final CamundaClient client;
  private volatile Optional<String> last = Optional.empty();
  private volatile long checkedAt = System.nanoTime() - RECHECK_NANOS;

  ClusterStatus(CamundaClient client) {
    this.client = client;
  }

  @Override
  public Optional<String> unavailable() {
    long now = System.nanoTime();
    if (now - checkedAt >= RECHECK_NANOS) {
      checkedAt = now;
      try {
        var topology = client.newTopologyRequest().send().join(3, TimeUnit.SECONDS);
        last =
            topology.getBrokers().isEmpty()
                ? Optional.of("the workflow engine has no running broker")
                : Optional.empty();
      } catch (RuntimeException e) {
        last =
            Optional.of(
                "the workflow engine is not reachable: " + EngineConfiguration.rootMessage(e));
      }
    }
    return last;
  }
}

package org.interlend.workflows.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@link ProcessActivity} on a Camunda 8.8 cluster, through its REST API: {@code GET
 * /v2/process-instances/{key}}, {@code POST /v2/process-instances/search} by parent, {@code POST
 * /v2/element-instances/search} (state ACTIVE), {@code POST /v2/variables/search} by name.
 */
public class CamundaProcessActivity implements ProcessActivity {

  private static final long WAIT_SECONDS = 30;

  private final CamundaClient client;

  public CamundaProcessActivity(CamundaClient client) {
    this.client = client;
  }

  @Override
  public List<Instance> family(long rootKey) {
    List<Instance> found = new ArrayList<>();
    var root =
        client.newProcessInstanceGetRequest(rootKey).send().join(WAIT_SECONDS, TimeUnit.SECONDS);
    found.add(of(root));
    Deque<Long> parents = new ArrayDeque<>(List.of(rootKey));
    while (!parents.isEmpty() && found.size() < 100) {
      long parent = parents.poll();
      for (var child :
          client
              .newProcessInstanceSearchRequest()
              .filter(f -> f.parentProcessInstanceKey(parent))
              .send()
              .join(WAIT_SECONDS, TimeUnit.SECONDS)
              .items()) {
        found.add(of(child));
        parents.add(child.getProcessInstanceKey());
      }
    }
    return found;
  }

  @Override
  public List<Step> activeSteps(List<Instance> instances) {
    List<Step> steps = new ArrayList<>();
    for (Instance instance : instances) {
      if (!instance.active()) {
        continue;
      }
      for (var element :
          client
              .newElementInstanceSearchRequest()
              .filter(f -> f.processInstanceKey(instance.key()).state(ElementInstanceState.ACTIVE))
              .send()
              .join(WAIT_SECONDS, TimeUnit.SECONDS)
              .items()) {
        if (element.getType() != ElementInstanceType.PROCESS) {
          steps.add(new Step(instance.key(), instance.processId(), element.getElementId()));
        }
      }
    }
    return steps;
  }

  @Override
  public Optional<String> requestIdOf(long processInstanceKey) {
    return client
        .newVariableSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey).name("requestId"))
        .send()
        .join(WAIT_SECONDS, TimeUnit.SECONDS)
        .items()
        .stream()
        .findFirst()
        .map(v -> v.getValue().replaceAll("^\"|\"$", ""));
  }

  private static Instance of(io.camunda.client.api.search.response.ProcessInstance p) {
    return new Instance(
        p.getProcessInstanceKey(),
        p.getProcessDefinitionId(),
        p.getParentProcessInstanceKey() == null ? -1 : p.getParentProcessInstanceKey(),
        p.getState() == ProcessInstanceState.ACTIVE);
  }
}

package org.interlend.workflows.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** {@link ProcessActivity} of the in-memory engine, read from its {@link EngineProjection}. */
public class LocalProcessActivity implements ProcessActivity {

  private final EngineProjection projection;

  public LocalProcessActivity(EngineProjection projection) {
    this.projection = projection;
  }

  @Override
  public List<Instance> family(long rootKey) {
    List<Instance> found = new ArrayList<>();
    Deque<Long> next = new ArrayDeque<>(List.of(rootKey));
    while (!next.isEmpty() && found.size() < 100) {
      long key = next.poll();
      projection
          .instance(key)
          .ifPresent(
              i -> {
                found.add(
                    new Instance(
                        i.key(),
                        i.processId(),
                        i.parentKey(),
                        i.state() == EngineProjection.State.ACTIVE));
                i.children().forEach(c -> next.add(c.key()));
              });
    }
    return found;
  }

  @Override
  public List<Step> activeSteps(List<Instance> instances) {
    List<Step> steps = new ArrayList<>();
    for (Instance instance : instances) {
      projection
          .instance(instance.key())
          .ifPresent(
              i ->
                  i.activeElements().keySet().stream()
                      .filter(e -> !e.equals(i.processId()))
                      .sorted()
                      .forEach(e -> steps.add(new Step(i.key(), i.processId(), e))));
    }
    return steps;
  }

  @Override
  public Optional<String> requestIdOf(long processInstanceKey) {
    return Optional.ofNullable(projection.variables(processInstanceKey).get("requestId"))
        .map(Object::toString);
  }
}

package org.interlend.workflows.engine;

import java.util.List;
import java.util.Optional;

/**
 * What a request's processes are doing now, wherever the engine runs: the instances of one request
 * (its top-level instance and those it called), and the steps active in each. From the projection
 * on the in-memory engine ({@link LocalProcessActivity}), from Camunda's REST API on a cluster
 * ({@link CamundaProcessActivity}).
 */
public interface ProcessActivity {

  /** One process instance of a request. */
  record Instance(long key, String processId, long parentKey, boolean active) {}

  /** One active step: an element of an instance that is running now. */
  record Step(long processInstanceKey, String processId, String elementId) {}

  /** The instance {@code rootKey} and every instance it called, directly or not; parents first. */
  List<Instance> family(long rootKey);

  /** The steps active now in these instances (not the processes themselves). */
  List<Step> activeSteps(List<Instance> instances);

  /** The request an instance works for (its {@code requestId} variable), if it has one. */
  Optional<String> requestIdOf(long processInstanceKey);
}

package org.interlend.workflows.engine;

import java.util.Optional;

/**
 * Whether the workflow engine can take work now. The web layer asks before it starts anything, so
 * that a dead engine gets a plain 503 at once instead of a timeout.
 */
public interface EngineStatus {

  /** Why the engine cannot take work, or empty when it can. */
  Optional<String> unavailable();

  /** Throws {@link EngineUnavailableException} when the engine cannot take work. */
  default void requireAvailable() {
    unavailable()
        .ifPresent(
            reason -> {
              throw new EngineUnavailableException(reason);
            });
  }
}

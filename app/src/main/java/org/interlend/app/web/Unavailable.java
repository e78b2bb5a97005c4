package org.interlend.app.web;

import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.util.Optional;
import org.interlend.workflows.engine.EngineUnavailableException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Which failures mean "a part Interlend depends on is down, try again later" (HTTP 503) rather than
 * a fault in the request or in Interlend: the workflow engine unreachable or failed, the database
 * unreachable.
 */
final class Unavailable {

  private Unavailable() {}

  /** The message for the user, if {@code e} (or a cause) is such a failure. */
  static Optional<String> reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof EngineUnavailableException) {
        return Optional.of("The workflow engine is not running: " + t.getMessage() + ".");
      }
      if (t instanceof ClientStatusException c
          && (c.getStatusCode() == Status.Code.UNAVAILABLE
              || c.getStatusCode() == Status.Code.DEADLINE_EXCEEDED
              || c.getStatusCode() == Status.Code.RESOURCE_EXHAUSTED)) {
        return Optional.of("The workflow engine is not answering (" + c.getStatusCode() + ").");
      }
      if (t instanceof org.interlend.storage.StorageException) {
        return Optional.of("The document store is not reachable.");
      }
      if (t instanceof CannotGetJdbcConnectionException
          || t instanceof DataAccessResourceFailureException
          || t instanceof QueryTimeoutException
          || t instanceof TransientDataAccessException) {
        return Optional.of("The database is not reachable.");
      }
    }
    return Optional.empty();
  }
}

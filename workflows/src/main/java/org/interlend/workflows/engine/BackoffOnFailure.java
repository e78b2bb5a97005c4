package org.interlend.workflows.engine;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.JobError;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fails a job whose worker threw with the {@link RetryPolicy}'s backoff instead of the client's
 * default (the next try at once): a storage or mail outage then costs minutes of waiting, not the
 * job's retries in a fraction of a second. BPMN errors and explicit job errors keep the client's
 * handling.
 */
final class BackoffOnFailure implements JobExceptionHandlingStrategy {

  private static final Logger log = LoggerFactory.getLogger(BackoffOnFailure.class);

  private final JobExceptionHandlingStrategy delegate;

  BackoffOnFailure(JobExceptionHandlingStrategy delegate) {
    this.delegate = delegate;
  }

  @Override
  public void handleException(Exception exception, ExceptionHandlingContext context)
      throws Exception {
    if (exception instanceof BpmnError || exception instanceof JobError) {
      delegate.handleException(exception, context);
      return;
    }
    ActivatedJob job = context.job();
    int retriesLeft = Math.max(0, job.getRetries() - 1);
    Duration backoff = RetryPolicy.backoff(job.getRetries());
    String message = message(exception);
    if (retriesLeft > 0) {
      log.warn(
          "Job {} ({}, {}) failed, {} retries left, next try in {} s: {}",
          job.getKey(),
          job.getType(),
          job.getElementId(),
          retriesLeft,
          backoff.toSeconds(),
          message);
    } else {
      log.error(
          "Job {} ({}, {}) failed for the last time, it becomes an incident: {}",
          job.getKey(),
          job.getType(),
          job.getElementId(),
          message,
          exception);
    }
    context
        .jobClient()
        .newFailCommand(job.getKey())
        .retries(retriesLeft)
        .errorMessage(message)
        .retryBackoff(retriesLeft > 0 ? backoff : Duration.ZERO)
        .send()
        .exceptionally(
            e -> {
              log.warn("Could not report the failure of job {}: {}", job.getKey(), e.toString());
              return null;
            });
  }

  static String message(Throwable e) {
    StringBuilder b = new StringBuilder(e.getClass().getSimpleName());
    if (e.getMessage() != null) {
      b.append(": ").append(e.getMessage());
    }
    Throwable cause = e.getCause();
    int depth = 0;
    while (cause != null && cause != e && depth++ < 3) {
      if (cause.getMessage() != null && !b.toString().contains(cause.getMessage())) {
        b.append(" (caused by ")
            .append(cause.getClass().getSimpleName())
            .append(": ")
            .append(cause.getMessage())
            .append(')');
      }
      e = cause;
      cause = cause.getCause();
    }
    return b.length() > 2000 ? b.substring(0, 2000) : b.toString();
  }
}

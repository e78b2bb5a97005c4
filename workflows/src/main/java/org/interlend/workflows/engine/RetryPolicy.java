package org.interlend.workflows.engine;

import java.time.Duration;

/**
 * How a job that failed for a technical reason (storage, mail or database down, a timeout) is
 * retried: every service task has {@link #RETRIES} retries, and each failure waits twice as long as
 * the one before, from {@link #FIRST} up to {@link #LONGEST}. The retries span about 20 minutes, so
 * an outage of a minute or two ends in completed requests, not incidents; a longer one leaves an
 * incident that staff retry once the cause is fixed.
 */
public final class RetryPolicy {

  /** The {@code retries} of every {@code zeebe:taskDefinition} (checked by a model test). */
  public static final int RETRIES = 10;

  static final Duration FIRST = Duration.ofSeconds(5);
  static final Duration LONGEST = Duration.ofMinutes(5);

  private RetryPolicy() {}

  /**
   * The wait before the next try, for a job that had {@code retriesBefore} retries when it failed.
   */
  public static Duration backoff(int retriesBefore) {
    int failure = Math.max(1, RETRIES - retriesBefore + 1);
    long seconds = FIRST.toSeconds() << Math.min(failure - 1, 16);
    return seconds >= LONGEST.toSeconds() ? LONGEST : Duration.ofSeconds(seconds);
  }
}

package org.interlend.requests;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * One request per submission. A form carries an idempotency key (a hidden field) and an API call
 * its {@code Idempotency-Key} header; the first submission with a key places the request, every
 * later one with the same key (a double click, a browser's resend, a client's retry, at the same
 * moment or later) gets that same request back. The key is claimed atomically in the database, so
 * this holds across threads and across replicas.
 */
@Service
public class Submissions {

  /** A key: 8 to 128 letters, digits, '-' or '_' (a UUID fits). */
  static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{8,128}");

  static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(30);

  /** The request and whether this submission placed it or repeated an earlier one. */
  public record Outcome(Request request, boolean repeated) {}

  /** The key is malformed, or another user's. */
  public static class BadKeyException extends RuntimeException {
    public BadKeyException(String message) {
      super(message);
    }
  }

  private final JdbcTemplate jdbc;
  private final Requests requests;

  public Submissions(JdbcTemplate jdbc, Requests requests) {
    this.jdbc = jdbc;
    this.requests = requests;
  }

  /**
   * Places the request once per key.
   *
   * @param key the submission's idempotency key; null places without one
   * @param actor who submits (a key is never shared between users)
   * @param place places the request (called at most once per key)
   */
  public Outcome once(String key, String actor, Supplier<Request> place) {
    if (key == null || key.isBlank()) {
      return new Outcome(place.get(), false);
    }
    if (!KEY.matcher(key).matches()) {
      throw new BadKeyException(
          "the idempotency key must be 8 to 128 letters, digits, '-' or '_' (a UUID will do)");
    }
    long deadline = System.nanoTime() + WAIT_FOR_FIRST.toNanos();
    while (true) {
      int claimed =
          jdbc.update(
              "insert into submission (idempotency_key, actor) values (?, ?) on conflict do nothing",
              key,
              actor);
      if (claimed == 1) {
        try {
          Request request = place.get();
          jdbc.update(
              "update submission set request_id = ? where idempotency_key = ?", request.id(), key);
          return new Outcome(request, false);
        } catch (RuntimeException e) {
          // nothing was placed: free the key, so that the user can submit again
          jdbc.update(
              "delete from submission where idempotency_key = ? and request_id is null", key);
          throw e;
        }
      }
      List<String[]> earlier =
          jdbc.query(
              "select actor, request_id from submission where idempotency_key = ?",
              (rs, i) -> new String[] {rs.getString(1), rs.getString(2)},
              key);
      if (!earlier.isEmpty()) {
        if (!earlier.get(0)[0].equals(actor)) {
          throw new BadKeyException("this idempotency key was used by someone else");
        }
        if (earlier.get(0)[1] != null) {
          return new Outcome(requests.get(earlier.get(0)[1]), true);
        }
      }
      // the first submission is still placing its request (or gave up: then claim again)
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the first submission with this key has not finished");
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the first submission", e);
      }
    }
  }
}

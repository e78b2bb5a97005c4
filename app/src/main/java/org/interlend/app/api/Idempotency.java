package org.interlend.app.api;

import java.net.URI;
import org.interlend.requests.Submissions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The API's side of "one request per submission": the {@code Idempotency-Key} header. The first
 * call with a key answers 201 Created; a repeat (a retry, a duplicate sent at the same moment)
 * answers 200 with the same request and {@code Idempotent-Replayed: true}.
 */
final class Idempotency {

  static final String HEADER = "Idempotency-Key";
  static final String REPLAYED = "Idempotent-Replayed";

  private Idempotency() {}

  static ResponseEntity.BodyBuilder created(Submissions.Outcome outcome) {
    return created(outcome, "/api/requests/");
  }

  static ResponseEntity.BodyBuilder created(Submissions.Outcome outcome, String location) {
    ResponseEntity.BodyBuilder answer =
        ResponseEntity.status(outcome.repeated() ? HttpStatus.OK : HttpStatus.CREATED)
            .location(URI.create(location + outcome.request().id()));
    return outcome.repeated() ? answer.header(REPLAYED, "true") : answer;
  }
}

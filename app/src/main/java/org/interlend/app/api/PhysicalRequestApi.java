package org.interlend.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Instant;
import java.util.Iterator;
import java.util.Set;
import org.interlend.app.security.Actor;
import org.interlend.app.security.RequestAccess;
import org.interlend.catalogue.Catalogue;
import org.interlend.lending.PhysicalRequests;
import org.interlend.requests.Request;
import org.interlend.requests.Requests;
import org.interlend.requests.Submissions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Physical (HKALL) loan requests: place one for a title of the union catalogue, or cancel one while
 * it is still REQUESTED. A placed request starts the {@code physical-loan} process, which decides
 * eligibility and requestability; a refusal shows as status REJECTED with its reason in "My
 * requests" ({@code GET /api/requests/{id}}) and by e-mail.
 *
 * <p>A patron places requests for themselves; staff may place one for a patron at the counter by
 * naming {@code patronId}.
 */
@RestController
@RequestMapping("/api/physical-requests")
@Tag(
    name = "Physical loans",
    description = "HKALL requests for books from other consortium libraries")
public class PhysicalRequestApi {

  private static final Set<String> FIELDS = Set.of("bibId", "patronId");

  private final PhysicalRequests physicalRequests;
  private final Requests requests;
  private final RequestingPatron requestingPatron;
  private final Catalogue catalogue;
  private final RequestAccess access;

  private final Submissions submissions;

  public PhysicalRequestApi(
      PhysicalRequests physicalRequests,
      Requests requests,
      RequestingPatron requestingPatron,
      Catalogue catalogue,
      RequestAccess access,
      Submissions submissions) {
    this.submissions = submissions;
    this.physicalRequests = physicalRequests;
    this.requests = requests;
    this.requestingPatron = requestingPatron;
    this.catalogue = catalogue;
    this.access = access;
  }

  /** What a placed or cancelled request looks like. */
  public record PhysicalRequestView(
      String id,
      String patronId,
      String title,
      String status,
      String statusLabel,
      Instant updatedAt) {

    static PhysicalRequestView of(Request r) {
      return new PhysicalRequestView(
          r.id(), r.patronId(), r.title(), r.status().name(), r.status().label(), r.updatedAt());
    }
  }

  @PostMapping
  @Operation(
      summary = "Request a title through HKALL",
      description =
          "Body: {\"bibId\": 3} (a title of the union catalogue); staff add \"patronId\". Answers 201"
              + " with the request in status REQUESTED; eligibility and requestability are decided"
              + " by the process, and a refusal shows as REJECTED with its reason.")
  public ResponseEntity<PhysicalRequestView> place(
      @RequestBody JsonNode body,
      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey,
      Principal principal,
      HttpServletRequest http) {
    if (body == null || !body.isObject()) {
      throw ApiErrors.invalid("body", "must be a JSON object like {\"bibId\": 3}");
    }
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw ApiErrors.invalid(name, "is not a field of a physical request (bibId, patronId)");
      }
    }
    long bibId = bibId(body.get("bibId"));
    String patronId = requestingPatron.of(body.get("patronId"), principal, http);
    if (catalogue.bib(bibId).isEmpty()) {
      throw ApiErrors.problem(
          HttpStatus.UNPROCESSABLE_ENTITY,
          "Unknown title",
          "No title " + bibId + " in the union catalogue.");
    }
    Submissions.Outcome placed =
        submissions.once(
            idempotencyKey, principal.getName(), () -> physicalRequests.place(patronId, bibId));
    return Idempotency.created(placed).body(PhysicalRequestView.of(placed.request()));
  }

  @PostMapping("/{id}/cancel")
  @Operation(
      summary = "Cancel a physical request",
      description =
          "Possible while the request is REQUESTED; once the lender has shipped it (TRANSFERRED)"
              + " the answer is 409 with the reason. The patron cancels with no body; staff of the"
              + " patron's library or the lender cancel for the patron with {\"reason\": \"...\"},"
              + " which the patron is told.")
  public PhysicalRequestView cancel(
      @PathVariable String id, @RequestBody(required = false) JsonNode body, Principal principal) {
    Actor actor = Actor.of(principal);
    access.require(actor, RequestAccess.Action.CANCEL, id);
    CancelBy by = CancelBy.of(actor, body);
    if (!requests.get(id).kind().equals("PHYSICAL")) {
      throw ApiErrors.problem(
          HttpStatus.NOT_FOUND, "No such request", "No physical request " + id + ".");
    }
    return switch (physicalRequests.cancel(id, by.historyName(), by.reason())) {
      case PhysicalRequests.Cancel.Done done -> PhysicalRequestView.of(done.request());
      case PhysicalRequests.Cancel.Refused refused ->
          throw ApiErrors.problem(HttpStatus.CONFLICT, "Cannot be cancelled", refused.reason());
    };
  }

  private static long bibId(JsonNode node) {
    if (node == null || node.isNull()) {
      throw ApiErrors.invalid("bibId", "is required: the id of a title in the union catalogue");
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw ApiErrors.invalid("bibId", "must be a whole number, not " + node);
    }
    if (node.asLong() <= 0) {
      throw ApiErrors.invalid("bibId", "must be positive, not " + node.asLong());
    }
    return node.asLong();
  }
}

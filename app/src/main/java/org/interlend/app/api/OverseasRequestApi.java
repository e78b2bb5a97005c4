package org.interlend.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.interlend.app.security.Actor;
import org.interlend.app.security.RequestAccess;
import org.interlend.overseas.ChargeAnswers;
import org.interlend.overseas.OverseasOrders;
import org.interlend.requests.Request;
import org.interlend.requests.RequestLauncher;
import org.interlend.requests.Requests;
import org.interlend.requests.Submissions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Overseas requests: items no consortium library can supply, sourced by the home library from
 * overseas partners (1 to 3 months). A placed request starts the {@code overseas-request} process,
 * which decides eligibility (books for academic staff and postgraduates; copies also for
 * non-academic staff and undergraduates). When the supply costs the patron something, the patron is
 * told and answers here within 7 days: {@code POST /api/requests/{id}/charge}. The patron may
 * cancel until the order is placed: {@code POST /api/overseas-requests/{id}/cancel}.
 */
@RestController
@Tag(
    name = "Overseas requests",
    description = "Requests to overseas partner libraries, and answers to charges")
public class OverseasRequestApi {

  private static final Set<String> FIELDS =
      Set.of(
          "type",
          "title",
          "author",
          "isbn",
          "issn",
          "publisher",
          "year",
          "edition",
          "articleTitle",
          "volume",
          "pages",
          "purpose",
          "note",
          "patronId",
          "copyKind",
          "chapter",
          "issue",
          "pageStart",
          "pageEnd",
          "totalPages",
          "declaration");
  private static final Set<String> TYPES = Set.of("BOOK", "COPY");
  private static final Set<String> PURPOSES = Set.of("TEACHING_RESEARCH", "PERSONAL");

  private final RequestLauncher launcher;
  private final Requests requests;
  private final RequestingPatron requestingPatron;
  private final ChargeAnswers chargeAnswers;
  private final OverseasOrders orders;
  private final RequestAccess access;

  private final Submissions submissions;

  public OverseasRequestApi(
      RequestLauncher launcher,
      Requests requests,
      RequestingPatron requestingPatron,
      ChargeAnswers chargeAnswers,
      OverseasOrders orders,
      RequestAccess access,
      Submissions submissions) {
    this.submissions = submissions;
    this.access = access;
    this.launcher = launcher;
    this.requests = requests;
    this.requestingPatron = requestingPatron;
    this.chargeAnswers = chargeAnswers;
    this.orders = orders;
  }

  public record OverseasRequestView(
      String id,
      String patronId,
      String title,
      String status,
      String statusLabel,
      Instant updatedAt) {

    static OverseasRequestView of(Request r) {
      return new OverseasRequestView(
          r.id(), r.patronId(), r.title(), r.status().name(), r.status().label(), r.updatedAt());
    }
  }

  public record ChargeAnswerView(
      String requestId, boolean accepted, BigDecimal amountHkd, LocalDate answerBy) {}

  @PostMapping("/api/overseas-requests")
  @Operation(
      summary = "Request an item from an overseas partner",
      description =
          "Body: {\"type\": \"BOOK\" | \"COPY\", \"title\": \"...\", \"purpose\": \"TEACHING_RESEARCH\" |"
              + " \"PERSONAL\"} plus bibliographic details: author, isbn, issn, publisher, year, edition;"
              + " for a copy also articleTitle (required), volume, pages; an optional note. Staff add"
              + " \"patronId\". Answers 201 with the request in status REQUESTED; eligibility is decided"
              + " by the process and a refusal shows as REJECTED with its reason.")
  public ResponseEntity<OverseasRequestView> place(
      @RequestBody JsonNode body,
      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey,
      Principal principal,
      HttpServletRequest http) {
    if (body == null || !body.isObject()) {
      throw ApiErrors.invalid(
          "body",
          "must be a JSON object like {\"type\": \"BOOK\", \"title\": \"...\", \"purpose\": \"PERSONAL\"}");
    }
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw ApiErrors.invalid(
            name,
            "is not a field of an overseas request ("
                + String.join(", ", FIELDS.stream().sorted().toList())
                + ")");
      }
    }
    String type = choice(body, "type", TYPES);
    String title = text(body, "title", 500, true);
    String purpose = choice(body, "purpose", PURPOSES);
    String articleTitle = text(body, "articleTitle", 500, type.equals("COPY"));
    String isbn = isbn(text(body, "isbn", 20, false));
    String issn = issn(text(body, "issn", 9, false));
    Integer year = year(body.get("year"));
    String patronId = requestingPatron.of(body.get("patronId"), principal, http);

    Map<String, Object> variables = new HashMap<>();
    variables.put("title", title);
    variables.put("itemType", type);
    variables.put("purpose", purpose);
    put(variables, "author", text(body, "author", 300, false));
    put(variables, "isbn", isbn);
    put(variables, "issn", issn);
    put(variables, "publisher", text(body, "publisher", 300, false));
    put(variables, "year", year);
    put(variables, "edition", text(body, "edition", 100, false));
    put(variables, "articleTitle", articleTitle);
    put(variables, "volume", text(body, "volume", 100, false));
    put(variables, "pages", text(body, "pages", 100, false));
    put(variables, "patronNote", text(body, "note", 1000, false));
    if (type.equals("COPY")) {
      copyDetails(body, variables);
    }
    Submissions.Outcome placed =
        submissions.once(
            idempotencyKey,
            principal.getName(),
            () -> launcher.launch("OVERSEAS", "overseas-request", patronId, title, variables));
    return Idempotency.created(placed).body(OverseasRequestView.of(placed.request()));
  }

  /**
   * A copy is copied under the Copyright Ordinance like a digital copy: its kind, pages (and the
   * book's length for a chapter) and the patron's declaration, all four statements affirmed.
   */
  private static void copyDetails(JsonNode body, Map<String, Object> variables) {
    String kind = text(body, "copyKind", 10, false);
    if (kind != null && !Set.of("CHAPTER", "ARTICLE").contains(kind.toUpperCase(Locale.ROOT))) {
      throw ApiErrors.invalid("copyKind", "must be CHAPTER or ARTICLE");
    }
    put(variables, "copyKind", kind == null ? null : kind.toUpperCase(Locale.ROOT));
    put(variables, "chapter", text(body, "chapter", 300, false));
    put(variables, "issue", text(body, "issue", 100, false));
    put(variables, "pageStart", whole(body.get("pageStart"), "pageStart"));
    put(variables, "pageEnd", whole(body.get("pageEnd"), "pageEnd"));
    put(variables, "totalPages", whole(body.get("totalPages"), "totalPages"));
    JsonNode d = body.get("declaration");
    Map<String, Object> declaration = new HashMap<>();
    for (String statement :
        java.util.List.of(
            "researchOrPrivateStudy",
            "notSuppliedBefore",
            "notRelatedToOtherPerson",
            "noRedistribution")) {
      declaration.put(statement, d != null && d.path(statement).asBoolean(false));
    }
    if (declaration.containsValue(false)) {
      throw ApiErrors.invalid(
          "declaration",
          "a copy needs the copyright declaration with every statement affirmed:"
              + " {\"researchOrPrivateStudy\": true, \"notSuppliedBefore\": true,"
              + " \"notRelatedToOtherPerson\": true, \"noRedistribution\": true}");
    }
    variables.put("declaration", declaration);
    try {
      org.interlend.overseas.OverseasWorkers.copyOf(variables).normalised();
    } catch (org.interlend.copying.InvalidCopyRequestException e) {
      throw ApiErrors.invalid("pages", e.getMessage());
    }
  }

  private static Integer whole(JsonNode value, String field) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.canConvertToInt() && value.isIntegralNumber()) {
      return value.intValue();
    }
    if (value.isTextual() && value.asText().strip().matches("\\d{1,6}")) {
      return Integer.valueOf(value.asText().strip());
    }
    throw ApiErrors.invalid(field, "must be a whole number");
  }

  @PostMapping("/api/overseas-requests/{id}/cancel")
  @Operation(
      summary = "Cancel an overseas request",
      description =
          "Possible until the library places the order with the partner: while REQUESTED (being"
              + " sourced), AWAITING APPROVAL (a manager decides on the cost) or AWAITING PATRON (a"
              + " charge awaits your answer; it is withdrawn). Answers 200 with the request, now"
              + " CANCELLED. Once ORDERED the partner has been asked and charges may apply: 409 with"
              + " the reason. 404 for an unknown request or another patron's.")
  public OverseasRequestView cancel(
      @PathVariable String id, @RequestBody(required = false) JsonNode body, Principal principal) {
    Actor actor = Actor.of(principal);
    access.require(actor, RequestAccess.Action.CANCEL, id);
    CancelBy by = CancelBy.of(actor, body);
    if (!requests.get(id).kind().equals("OVERSEAS")) {
      throw ApiErrors.problem(
          HttpStatus.NOT_FOUND, "No such request", "No overseas request " + id + ".");
    }
    return switch (orders.cancel(id, by.historyName(), by.reason())) {
      case OverseasOrders.Cancel.Done done -> OverseasRequestView.of(done.request());
      case OverseasOrders.Cancel.Refused refused ->
          throw ApiErrors.problem(HttpStatus.CONFLICT, "Cannot be cancelled", refused.reason());
    };
  }

  @PostMapping("/api/requests/{id}/charge")
  @Operation(
      summary = "Accept or decline a charge",
      description =
          "Body: {\"accept\": true | false}. Answers a charge the library offered for the request"
              + " (e.g. an overseas supply for a personal purpose); the request proceeds only if it is"
              + " accepted, and an accepted charge is added to the patron's account. 409 when no charge"
              + " is pending (none offered, already answered, or the 7 days have passed).")
  public ResponseEntity<ChargeAnswerView> answerCharge(
      @PathVariable String id,
      @RequestBody JsonNode body,
      Principal principal,
      HttpServletRequest http) {
    if (body == null || !body.isObject() || !body.has("accept")) {
      throw ApiErrors.invalid(
          "accept", "is required: true to accept the charge, false to decline it");
    }
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("accept")) {
        throw ApiErrors.invalid(name, "is not a field of a charge answer (accept)");
      }
    }
    if (!body.get("accept").isBoolean()) {
      throw ApiErrors.invalid("accept", "must be true or false, not " + body.get("accept"));
    }
    boolean accept = body.get("accept").booleanValue();
    // only the patron answers a charge: nobody accepts a cost on a patron's behalf
    access.require(Actor.of(principal), RequestAccess.Action.ANSWER_CHARGE, id);
    Request request = requests.get(id);
    return switch (chargeAnswers.answer(
        request.id(), accept, "patron " + principal.getName(), null)) {
      case ChargeAnswers.Answer.Sent sent ->
          ResponseEntity.accepted()
              .body(
                  new ChargeAnswerView(
                      request.id(), accept, sent.offer().amountHkd(), sent.offer().answerBy()));
      case ChargeAnswers.Answer.NonePending none ->
          throw ApiErrors.problem(
              HttpStatus.CONFLICT,
              "No charge pending",
              "Request " + request.id() + " has no charge waiting for your answer.");
      case ChargeAnswers.Answer.AlreadyAnswered already ->
          throw ApiErrors.problem(
              HttpStatus.CONFLICT,
              "Already answered",
              "The charge for " + request.id() + " was already answered.");
    };
  }

  @PostMapping("/api/staff/requests/{id}/charge/decline")
  @Operation(
      summary = "Decline a charge for the patron (staff of the patron's library)",
      description =
          "Body: {\"reason\": \"...\"} (required, told to the patron and kept in the history)."
              + " Staff can never accept a charge for a patron; only the patron accepts. 409 when no"
              + " charge is pending.")
  public ResponseEntity<ChargeAnswerView> declineForPatron(
      @PathVariable String id, @RequestBody(required = false) JsonNode body, Principal principal) {
    Actor actor = Actor.of(principal);
    access.require(actor, RequestAccess.Action.DECLINE_CHARGE_FOR_PATRON, id);
    CancelBy by = CancelBy.of(actor, body);
    return switch (chargeAnswers.answer(id, false, by.historyName(), by.reason())) {
      case ChargeAnswers.Answer.Sent sent ->
          ResponseEntity.accepted()
              .body(
                  new ChargeAnswerView(
                      id, false, sent.offer().amountHkd(), sent.offer().answerBy()));
      case ChargeAnswers.Answer.NonePending none ->
          throw ApiErrors.problem(
              HttpStatus.CONFLICT,
              "No charge pending",
              "Request " + id + " has no charge waiting for an answer.");
      case ChargeAnswers.Answer.AlreadyAnswered already ->
          throw ApiErrors.problem(
              HttpStatus.CONFLICT,
              "Already answered",
              "The charge for " + id + " was already answered.");
    };
  }

  private static void put(Map<String, Object> variables, String name, Object value) {
    if (value != null) {
      variables.put(name, value);
    }
  }

  private static String text(JsonNode body, String field, int max, boolean required) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
      if (required) {
        throw ApiErrors.invalid(field, "is required");
      }
      return null;
    }
    if (!node.isTextual()) {
      throw ApiErrors.invalid(field, "must be text, not " + node);
    }
    String value = node.asText().strip();
    if (value.length() > max) {
      throw ApiErrors.invalid(field, "must be at most " + max + " characters");
    }
    return value;
  }

  private static String choice(JsonNode body, String field, Set<String> allowed) {
    String value = text(body, field, 40, true).toUpperCase(Locale.ROOT);
    if (!allowed.contains(value)) {
      throw ApiErrors.invalid(
          field,
          "must be one of "
              + String.join(", ", allowed.stream().sorted().toList())
              + ", not \""
              + value
              + "\"");
    }
    return value;
  }

  private static String isbn(String isbn) {
    if (isbn == null) {
      return null;
    }
    String compact = isbn.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
    if (!compact.matches("\\d{9}[\\dX]|\\d{13}")) {
      throw ApiErrors.invalid("isbn", "must be an ISBN of 10 or 13 digits, not \"" + isbn + "\"");
    }
    return compact;
  }

  private static String issn(String issn) {
    if (issn == null) {
      return null;
    }
    String value = issn.toUpperCase(Locale.ROOT);
    if (!value.matches("\\d{4}-?\\d{3}[\\dX]")) {
      throw ApiErrors.invalid("issn", "must be an ISSN like 1234-567X, not \"" + issn + "\"");
    }
    return value.contains("-") ? value : value.substring(0, 4) + "-" + value.substring(4);
  }

  private static Integer year(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw ApiErrors.invalid("year", "must be a whole number, not " + node);
    }
    int year = node.asInt();
    if (year < 1450 || year > Year.now().getValue() + 1) {
      throw ApiErrors.invalid("year", "must be a publication year, not " + year);
    }
    return year;
  }
}

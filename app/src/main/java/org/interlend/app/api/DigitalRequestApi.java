package org.interlend.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.interlend.app.security.Actor;
import org.interlend.app.security.RequestAccess;
import org.interlend.app.web.CopyResponse;
import org.interlend.copying.CopyDownloads;
import org.interlend.copying.CopyKind;
import org.interlend.copying.CopyRequest;
import org.interlend.copying.Declaration;
import org.interlend.copying.Delivery;
import org.interlend.copying.DigitalCancels;
import org.interlend.copying.DigitalDeliveries;
import org.interlend.copying.DigitalRequests;
import org.interlend.copying.DownloadClaim;
import org.interlend.copying.InvalidCopyRequestException;
import org.interlend.requests.Request;
import org.interlend.requests.Requests;
import org.interlend.requests.Submissions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Digital copies of book chapters and journal articles: place a request with the copyright
 * declaration, cancel it while it is not yet supplied, and download the delivered copy.
 *
 * <p>A download streams the copy through the app and is counted once the copy can be read from the
 * store (atomically: of any number of concurrent attempts only the allowed number succeed); the
 * object store is never exposed, and every time the patron gets the bytes counts. The stream goes
 * through a fixed buffer, so memory use does not depend on the size of the copy.
 */
@RestController
@Tag(name = "Digital copies", description = "Chapters and articles scanned by consortium libraries")
public class DigitalRequestApi {

  private final DigitalRequests digitalRequests;
  private final DigitalDeliveries deliveries;
  private final Requests requests;
  private final RequestingPatron requestingPatron;
  private final CopyDownloads downloads;
  private final DigitalCancels cancels;
  private final RequestAccess access;

  private final Submissions submissions;

  public DigitalRequestApi(
      DigitalRequests digitalRequests,
      DigitalDeliveries deliveries,
      Requests requests,
      RequestingPatron requestingPatron,
      CopyDownloads downloads,
      DigitalCancels cancels,
      RequestAccess access,
      Submissions submissions) {
    this.submissions = submissions;
    this.access = access;
    this.digitalRequests = digitalRequests;
    this.deliveries = deliveries;
    this.requests = requests;
    this.requestingPatron = requestingPatron;
    this.downloads = downloads;
    this.cancels = cancels;
  }

  /** The four statements of the declaration; each must be {@code true}. */
  public record DeclarationBody(
      Boolean researchOrPrivateStudy,
      Boolean notSuppliedBefore,
      Boolean notRelatedToOtherPerson,
      Boolean noRedistribution) {}

  /** A chapter (title = book) or an article (title = journal), with the declaration. */
  public record DigitalRequestBody(
      String patronId,
      CopyKind kind,
      String title,
      String isbn,
      String issn,
      String chapter,
      String articleTitle,
      String volume,
      String issue,
      Integer pageStart,
      Integer pageEnd,
      Integer totalPages,
      DeclarationBody declaration) {}

  /** A digital request and, once delivered, its download window. */
  public record DigitalRequestView(
      String id,
      String patronId,
      String kind,
      String title,
      String status,
      String statusLabel,
      Instant updatedAt,
      String downloadUrl,
      Instant availableUntil,
      Integer downloadsLeft) {}

  @PostMapping("/api/digital-requests")
  @Operation(
      summary = "Request a chapter or an article",
      description =
          "Body: kind CHAPTER (title of the book, isbn, chapter, pageStart, pageEnd, totalPages) or"
              + " ARTICLE (title of the journal, issn, volume, issue, articleTitle, pageStart, pageEnd),"
              + " and declaration {researchOrPrivateStudy, notSuppliedBefore, notRelatedToOtherPerson,"
              + " noRedistribution}, all true. Answers 201 with the request in status REQUESTED;"
              + " eligibility and the copyright limits (ss.47-48) are decided by the process, and a"
              + " refusal shows as REJECTED with the rule named.")
  public ResponseEntity<DigitalRequestView> place(
      @RequestBody DigitalRequestBody body,
      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey,
      Principal principal,
      HttpServletRequest http) {
    if (body == null) {
      throw ApiErrors.invalid("body", "must be a JSON object");
    }
    String patronId = requestingPatron.of(body.patronId(), principal, http);
    if (body.kind() == null) {
      throw ApiErrors.invalid("kind", "is required: CHAPTER or ARTICLE");
    }
    Declaration declaration = declaration(body.declaration());
    CopyRequest copy =
        new CopyRequest(
            body.kind(),
            body.title(),
            body.isbn(),
            body.issn(),
            body.chapter(),
            body.articleTitle(),
            body.volume(),
            body.issue(),
            body.pageStart(),
            body.pageEnd(),
            body.totalPages());
    Submissions.Outcome placed;
    try {
      placed =
          submissions.once(
              idempotencyKey,
              principal.getName(),
              () -> digitalRequests.place(patronId, copy, declaration));
    } catch (InvalidCopyRequestException e) {
      throw ApiErrors.invalid(fieldOf(e.getMessage()), e.getMessage());
    }
    return Idempotency.created(placed, "/api/digital-requests/").body(view(placed.request()));
  }

  @GetMapping("/api/digital-requests/{id}")
  @Operation(summary = "One of my digital requests, with downloads left once delivered")
  public DigitalRequestView get(@PathVariable String id, Principal principal) {
    return view(digital(id, Actor.of(principal), RequestAccess.Action.READ));
  }

  @PostMapping("/api/digital-requests/{id}/cancel")
  @Operation(
      summary = "Cancel a digital request",
      description =
          "Possible until the scan is supplied: answers 202, and the request becomes CANCELLED"
              + " moments later. Once supplied (or ended) the answer is 409 with the reason.")
  public ResponseEntity<DigitalRequestView> cancel(
      @PathVariable String id, @RequestBody(required = false) JsonNode body, Principal principal) {
    Actor actor = Actor.of(principal);
    digital(id, actor, RequestAccess.Action.CANCEL);
    CancelBy by = CancelBy.of(actor, body);
    return switch (cancels.cancel(id, by.historyName(), by.reason())) {
      case DigitalCancels.Cancel.Requested taken ->
          ResponseEntity.accepted().body(view(taken.request()));
      case DigitalCancels.Cancel.Refused refused ->
          throw ApiErrors.problem(HttpStatus.CONFLICT, "Cannot be cancelled", refused.reason());
    };
  }

  @GetMapping("/api/requests/{id}/download")
  @Operation(
      summary = "Download my delivered copy",
      description =
          "Answers 200 with the watermarked PDF and counts one download, once the copy can be read"
              + " from the document store (503, not counted, when it cannot). Refused with 410 once"
              + " all downloads are used or the download period has ended, 409 before the copy is"
              + " delivered.")
  public void download(@PathVariable String id, Principal principal, HttpServletResponse response)
      throws java.io.IOException {
    access.require(Actor.of(principal), RequestAccess.Action.DOWNLOAD, id);
    Request request =
        requests
            .find(id)
            .filter(r -> r.kind().equals("DIGITAL") || deliveries.find(r.id()).isPresent())
            .orElseThrow(
                () ->
                    ApiErrors.problem(
                        HttpStatus.NOT_FOUND, "No such copy", "You have no copy " + id + "."));
    switch (downloads.open(request.id())) {
      case CopyDownloads.Download.Served served ->
          CopyResponse.send(served, request.id() + ".pdf", response);
      case CopyDownloads.Download.Refused refused -> throw refusal(request, refused.reason());
    }
  }

  private static org.springframework.web.ErrorResponseException refusal(
      Request request, DownloadClaim reason) {
    return switch (reason) {
      case DownloadClaim.LimitReached limit ->
          ApiErrors.problem(
              HttpStatus.GONE,
              "Download limit reached",
              "You have downloaded this copy "
                  + limit.maxDownloads()
                  + " times, the most allowed for"
                  + " copyright reasons. Please use the copy you saved, or ask the library.");
      case DownloadClaim.Expired expired ->
          ApiErrors.problem(
              HttpStatus.GONE,
              "Download period ended",
              "The download period of this copy ended on "
                  + expired.availableUntil()
                  + " and the copy has been deleted. Please place a new request if you still need it.");
      case DownloadClaim.NotDelivered nd ->
          ApiErrors.problem(
              HttpStatus.CONFLICT,
              "Not delivered yet",
              "Request "
                  + request.id()
                  + " is "
                  + request.status().label()
                  + ": there is no copy to download yet.");
      case DownloadClaim.Granted g ->
          throw new IllegalStateException("a granted download is not a refusal");
    };
  }

  private DigitalRequestView view(Request r) {
    Delivery d = deliveries.find(r.id()).filter(Delivery::published).orElse(null);
    boolean open = d != null && d.expiredAt() == null && d.availableUntil().isAfter(Instant.now());
    return new DigitalRequestView(
        r.id(),
        r.patronId(),
        digitalRequests.find(r.id()).map(c -> c.kind().name()).orElse(null),
        r.title(),
        r.status().name(),
        r.status().label(),
        r.updatedAt(),
        open ? "/api/requests/" + r.id() + "/download" : null,
        d == null ? null : d.availableUntil(),
        d == null ? null : (open ? Math.max(0, d.maxDownloads() - d.downloads()) : 0));
  }

  /** The digital request, if the actor may {@code action} it (404/403 otherwise). */
  private Request digital(String id, Actor actor, RequestAccess.Action action) {
    access.require(actor, action, id);
    return requests
        .find(id)
        .filter(r -> r.kind().equals("DIGITAL"))
        .orElseThrow(
            () ->
                ApiErrors.problem(
                    HttpStatus.NOT_FOUND, "No such request", "No digital request " + id + "."));
  }

  private static Declaration declaration(DeclarationBody body) {
    List<ApiErrors.FieldProblem> problems = new ArrayList<>();
    if (body == null) {
      problems.add(
          new ApiErrors.FieldProblem(
              "declaration",
              "is required: affirm researchOrPrivateStudy, notSuppliedBefore, notRelatedToOtherPerson and noRedistribution"));
    } else {
      check(
          problems,
          "researchOrPrivateStudy",
          body.researchOrPrivateStudy(),
          "you must declare that the copy is for research or private study");
      check(
          problems,
          "notSuppliedBefore",
          body.notSuppliedBefore(),
          "you must declare that no library has supplied you a copy of it before");
      check(
          problems,
          "notRelatedToOtherPerson",
          body.notRelatedToOtherPerson(),
          "you must declare that the request is not related to another person's request for the same material");
      check(
          problems,
          "noRedistribution",
          body.noRedistribution(),
          "you must declare that you will not redistribute the copy");
    }
    if (!problems.isEmpty()) {
      throw new ErrorResponseException(
          HttpStatus.BAD_REQUEST, ApiErrors.invalidInput(problems), null);
    }
    return new Declaration(true, true, true, true);
  }

  private static void check(
      List<ApiErrors.FieldProblem> problems, String field, Boolean value, String message) {
    if (!Boolean.TRUE.equals(value)) {
      problems.add(new ApiErrors.FieldProblem("declaration." + field, message));
    }
  }

  private static final List<String> FIELDS =
      List.of(
          "title",
          "isbn",
          "issn",
          "chapter",
          "articleTitle",
          "volume",
          "issue",
          "pageStart",
          "pageEnd",
          "totalPages",
          "kind");

  /** The field a service message starts with ("pageStart and pageEnd are required"). */
  private static String fieldOf(String message) {
    for (String f : FIELDS) {
      if (message.startsWith(f + " ")
          || message.startsWith(f + ")")
          || message.startsWith(f + " (")) {
        return f;
      }
    }
    if (message.startsWith("the page range")) {
      return "pageEnd";
    }
    return "body";
  }
}

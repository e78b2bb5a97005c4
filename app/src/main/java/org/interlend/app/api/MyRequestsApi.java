package org.interlend.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.interlend.app.portal.MyRequests;
import org.interlend.app.security.Actor;
import org.interlend.app.security.RequestAccess;
import org.interlend.requests.Request;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** "My Requests": the signed-in patron's own requests, with status history. */
@RestController
@RequestMapping("/api/requests")
@Tag(name = "My requests", description = "The signed-in patron's requests of every kind")
public class MyRequestsApi {

  private final RequestAccess access;
  private final MyRequests myRequests;

  public MyRequestsApi(MyRequests myRequests, RequestAccess access) {
    this.access = access;
    this.myRequests = myRequests;
  }

  public record RequestSummary(
      String id,
      String kind,
      String title,
      String status,
      String statusLabel,
      Instant createdAt,
      Instant updatedAt) {

    static RequestSummary of(Request r) {
      return new RequestSummary(
          r.id(),
          r.kind(),
          r.title(),
          r.status().name(),
          r.status().label(),
          r.createdAt(),
          r.updatedAt());
    }
  }

  public record HistoryEntry(
      String status, String statusLabel, Instant at, String actor, String note) {}

  public record DeliveryView(
      Integer downloadsLeft,
      Integer maxDownloads,
      int downloads,
      Instant availableUntil,
      boolean expired) {}

  public record LoanView(
      LocalDate dueDate,
      int renewalsUsed,
      int renewalsLeft,
      boolean renewable,
      boolean recalled,
      boolean overdue,
      boolean returned,
      BigDecimal fines) {}

  public record ChargeView(
      BigDecimal amountHkd, String reason, String status, LocalDate answerBy) {}

  public record RequestDetail(
      String id,
      String kind,
      String title,
      String status,
      String statusLabel,
      String iso18626Status,
      Instant createdAt,
      Instant updatedAt,
      String lender,
      String lenderName,
      boolean cancellable,
      LoanView loan,
      DeliveryView delivery,
      ChargeView charge,
      List<HistoryEntry> history) {}

  @GetMapping
  @Operation(summary = "List my requests, newest first")
  public List<RequestSummary> list(Principal principal) {
    return myRequests.list(principal.getName()).stream().map(RequestSummary::of).toList();
  }

  @GetMapping("/{id}")
  @Operation(
      summary = "One request with its status history",
      description = "A patron's own request, or for staff one that involves their library.")
  @ApiResponse(responseCode = "404", description = "no such request, or not one you may see")
  public RequestDetail get(@PathVariable String id, Principal principal) {
    Instant now = Instant.now();
    var parties = access.require(Actor.of(principal), RequestAccess.Action.READ, id);
    MyRequests.Detail d =
        myRequests
            .detail(parties.patronId(), id)
            .orElseThrow(
                () ->
                    ApiErrors.problem(
                        HttpStatus.NOT_FOUND,
                        "Request not found",
                        "You have no request " + id + "."));
    Request r = d.request();
    return new RequestDetail(
        r.id(),
        r.kind(),
        r.title(),
        r.status().name(),
        r.status().label(),
        r.status().iso18626(),
        r.createdAt(),
        r.updatedAt(),
        d.lender() == null ? null : d.lender().code(),
        d.lender() == null ? null : d.lender().name(),
        d.cancellable(),
        d.loan()
            .map(
                l ->
                    new LoanView(
                        l.dueDate(),
                        l.renewalsUsed(),
                        l.renewalsLeft(),
                        l.renewable(),
                        l.recalled(),
                        l.overdue(),
                        l.returned(),
                        l.finesTotal()))
            .orElse(null),
        d.delivery()
            .map(
                x ->
                    new DeliveryView(
                        x.downloadsLeft(),
                        x.maxDownloads(),
                        x.downloads(),
                        x.availableUntil(),
                        x.expired(now)))
            .orElse(null),
        d.charge()
            .map(c -> new ChargeView(c.amountHkd(), c.reason(), c.status(), c.answerBy()))
            .orElse(null),
        d.history().stream()
            .map(
                h ->
                    new HistoryEntry(
                        h.status().name(), h.status().label(), h.at(), h.actor(), h.note()))
            .toList());
  }
}

package org.interlend.overseas;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.interlend.calendar.Calendars;
import org.interlend.copying.CopyKind;
import org.interlend.copying.CopyRequest;
import org.interlend.copying.Declaration;
import org.interlend.copying.DigitalRequests;
import org.interlend.notices.NoticeTemplates;
import org.interlend.notices.Notices;
import org.interlend.patrons.Patron;
import org.interlend.patrons.Patrons;
import org.interlend.requests.Money;
import org.interlend.requests.Request;
import org.interlend.requests.RequestStatus;
import org.interlend.requests.Requests;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Job workers of the {@code overseas-request} process. */
@Component
public class OverseasWorkers {

  /** BPMN error: the patron cancelled before the order could be recorded. */
  public static final String REQUEST_CANCELLED = "REQUEST_CANCELLED";

  private final OverseasRequests overseas;
  private final OverseasOrders orders;
  private final Charges charges;
  private final Patrons patrons;
  private final Requests requests;
  private final CurrencyRates rates;
  private final Notices notices;
  private final NoticeTemplates templates;
  private final DigitalRequests copies;
  private final Calendars calendars;
  private final String staffEmail;
  private final int returnBufferDays;
  private final String consoleUrl;

  public OverseasWorkers(
      OverseasRequests overseas,
      OverseasOrders orders,
      Charges charges,
      Patrons patrons,
      Requests requests,
      CurrencyRates rates,
      Notices notices,
      NoticeTemplates templates,
      DigitalRequests copies,
      Calendars calendars,
      @Value("${interlend.overseas.staff-email:ill-{library}@interlend.local}") String staffEmail,
      @Value("${interlend.overseas.return-buffer-days:14}") int returnBufferDays,
      @Value("${interlend.public-url:http://localhost:8080}") String consoleUrl) {
    this.overseas = overseas;
    this.orders = orders;
    this.charges = charges;
    this.patrons = patrons;
    this.requests = requests;
    this.rates = rates;
    this.notices = notices;
    this.templates = templates;
    this.copies = copies;
    this.calendars = calendars;
    this.staffEmail = staffEmail;
    this.returnBufferDays = returnBufferDays;
    this.consoleUrl = consoleUrl.replaceAll("/+$", "");
  }

  /**
   * Records what was asked for and returns what the eligibility decision and the later steps need:
   * the patron's category, whether they are blocked, their loan days, and the patron's home library
   * whose staff source the item. A copy also records its details (kind, pages, issue) and the
   * patron's declaration, so that the copyright check (ss.47-48) counts it with the patron's other
   * copies: variables {@code copyKind} (CHAPTER or ARTICLE; by default ARTICLE with an ISSN),
   * {@code chapter}, {@code issue}, {@code pageStart}, {@code pageEnd} (or {@code pages} "45-67"),
   * {@code totalPages} and {@code declaration} (the four statements, each true).
   */
  @JobWorker(type = "overseas-register-request")
  public Map<String, Object> registerRequest(ActivatedJob job) {
    Map<String, Object> v = job.getVariablesAsMap();
    String requestId = text(v, "requestId");
    Patron patron = patrons.get(text(v, "patronId"));
    overseas.register(
        requestId,
        new OverseasRequestDetails(
            required(v, "itemType"),
            required(v, "purpose"),
            text(v, "author"),
            text(v, "isbn"),
            text(v, "issn"),
            text(v, "publisher"),
            v.get("year") instanceof Number n ? n.intValue() : null,
            text(v, "edition"),
            text(v, "articleTitle"),
            text(v, "volume"),
            text(v, "pages"),
            text(v, "patronNote")));
    if ("COPY".equals(text(v, "itemType"))) {
      copies.recordCopy(requestId, patron.id(), copyOf(v), declarationOf(v.get("declaration")));
    }
    Map<String, Object> out = new HashMap<>();
    out.put("patronCategory", patron.category());
    out.put("patronCategoryName", patron.categoryName());
    out.put("patronBlocked", patron.blocked());
    out.put("loanDays", patron.loanDays());
    out.put("homeLibrary", patron.homeLibrary());
    out.put("homeGroup", "staff-" + patron.homeLibrary());
    // for the staff forms: who asked, why, and for what, in words
    out.put("patronName", patron.name());
    out.put("purposeLabel", OverseasLabels.purpose(text(v, "purpose")));
    out.put("itemTypeLabel", OverseasLabels.itemType(text(v, "itemType")));
    out.put("requestUrl", consoleUrl + "/staff/requests/" + requestId);
    return out;
  }

  /** The copy an overseas COPY request asks for, from its variables. */
  public static CopyRequest copyOf(Map<String, Object> v) {
    String kind = text(v, "copyKind");
    if (kind == null) {
      kind = text(v, "issn") != null && text(v, "isbn") == null ? "ARTICLE" : "CHAPTER";
    }
    Integer start = integer(v.get("pageStart"));
    Integer end = integer(v.get("pageEnd"));
    String pages = text(v, "pages");
    if ((start == null || end == null) && pages != null) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("\\D*(\\d+)\\s*[-–]\\s*(\\d+).*").matcher(pages);
      if (m.matches()) {
        start = Integer.valueOf(m.group(1));
        end = Integer.valueOf(m.group(2));
      }
    }
    boolean article = kind.equals("ARTICLE");
    return new CopyRequest(
        CopyKind.valueOf(kind),
        text(v, "title"),
        article ? null : text(v, "isbn"),
        article ? text(v, "issn") : null,
        article ? null : text(v, "chapter") == null ? text(v, "articleTitle") : text(v, "chapter"),
        article ? text(v, "articleTitle") : null,
        text(v, "volume"),
        text(v, "issue"),
        start,
        end,
        integer(v.get("totalPages")));
  }

  static Declaration declarationOf(Object value) {
    if (!(value instanceof Map<?, ?> d)) {
      return null;
    }
    return new Declaration(
        Boolean.TRUE.equals(d.get("researchOrPrivateStudy")),
        Boolean.TRUE.equals(d.get("notSuppliedBefore")),
        Boolean.TRUE.equals(d.get("notRelatedToOtherPerson")),
        Boolean.TRUE.equals(d.get("noRedistribution")));
  }

  private static Integer integer(Object value) {
    if (value instanceof Number n) {
      return n.intValue();
    }
    if (value instanceof String s && s.strip().matches("\\d{1,6}")) {
      return Integer.valueOf(s.strip());
    }
    return null;
  }

  /**
   * Holds one slot of the patron's home loan quota for the request, from acceptance until the item
   * goes back to the partner or the request ends: {@code quotaHeld}, and {@code refusalReason} when
   * the quota is used up.
   */
  @JobWorker(type = "overseas-hold-quota")
  public Map<String, Object> holdQuota(ActivatedJob job) {
    String requestId = required(job.getVariablesAsMap(), "requestId");
    boolean held = patrons.holdQuota(requestId);
    Map<String, Object> out = new HashMap<>();
    out.put("quotaHeld", held);
    if (!held) {
      Patron p = patrons.get(requests.get(requestId).patronId());
      out.put(
          "refusalReason",
          Map.of(
              "code", "reason.overseas.quota-used-up",
              "quota", p.quota(),
              "category", p.categoryName()));
    }
    return out;
  }

  /** Gives the request's quota slot back (a no-op if it holds none). */
  @JobWorker(type = "overseas-release-quota")
  public Map<String, Object> releaseQuota(ActivatedJob job) {
    patrons.releaseQuota(required(job.getVariablesAsMap(), "requestId"));
    return Map.of("quotaHeld", false);
  }

  /**
   * The partner's terms, recorded by staff when the item arrives ({@code partnerDueDate}, and
   * optionally {@code partnerFinePerDay}, {@code partnerReplacementCharge}): returns the patron's
   * due date ({@code patronDueDate}, {@link OverseasLoanTerms}) and the pickup window ({@code
   * pickupBy}, {@code pickupDeadline}) on the home library's calendar. Input {@code termsAt =
   * now()}.
   */
  @JobWorker(type = "overseas-loan-terms")
  public Map<String, Object> loanTerms(ActivatedJob job) {
    Map<String, Object> v = job.getVariablesAsMap();
    String requestId = required(v, "requestId");
    String due = required(v, "partnerDueDate");
    java.time.LocalDate partnerDue =
        java.time.LocalDate.parse(due.length() > 10 ? due.substring(0, 10) : due);
    OverseasLoanTerms terms =
        OverseasLoanTerms.of(
            partnerDue,
            org.interlend.lending.lifecycle.EngineTime.parse("termsAt", v.get("termsAt")),
            returnBufferDays,
            calendars.of(required(v, "homeLibrary")));
    overseas.recordTerms(requestId, terms.partnerDueDate(), terms.pickup().pickupBy());
    Map<String, Object> out = new HashMap<>();
    out.put("patronDueDate", terms.patronDueDate().toString());
    out.put("pickupBy", terms.pickup().pickupBy().toString());
    out.put("pickupDeadline", terms.pickup().deadline().toString());
    return out;
  }

  /** Converts the partner's quote to HK$ and records the sourcing. */
  @JobWorker(type = "overseas-convert-cost")
  public Map<String, Object> convertCost(ActivatedJob job) {
    Map<String, Object> v = job.getVariablesAsMap();
    String requestId = required(v, "requestId");
    String partnerCode = required(v, "partnerCode");
    if (!overseas.partnerExists(partnerCode)) {
      throw new IllegalArgumentException("unknown overseas partner " + partnerCode);
    }
    BigDecimal estimated = decimal(v.get("estimatedCost"));
    String currency = required(v, "currency");
    BigDecimal rate = rates.rate(currency);
    BigDecimal hkd = rates.toHkd(estimated, currency);
    overseas.recordSourcing(
        requestId,
        partnerCode,
        estimated,
        currency,
        rate,
        hkd,
        text(v, "deliveryEstimate"),
        required(v, "format"));
    return Map.of(
        "costHkd", hkd.doubleValue(),
        "rateHkd", rate.doubleValue(),
        "costHkdText", Money.hkd(hkd),
        "estimatedCostText", Money.of(currency, estimated),
        "partnerName", overseas.partnerName(partnerCode),
        "formatLabel", OverseasLabels.format(required(v, "format")));
  }

  /**
   * Records the order staff placed: the request moves to ORDERED (recorded in its history) only if
   * the patron has not cancelled it first; if they have, BPMN error {@code REQUEST_CANCELLED}.
   */
  @JobWorker(type = "overseas-record-order")
  public Map<String, Object> recordOrder(ActivatedJob job) {
    Map<String, Object> v = job.getVariablesAsMap();
    String requestId = required(v, "requestId");
    if (!orders.recordOrder(requestId, required(v, "partnerCode"), text(v, "orderReference"))) {
      throw CamundaError.bpmnError(
          REQUEST_CANCELLED,
          "request " + requestId + " was cancelled by the patron before the order was recorded",
          Map.of());
    }
    return Map.of("orderPlaced", true);
  }

  /**
   * Closes a request the patron cancelled before its order: an open charge offer is closed as
   * DECLINED, an accepted one is WITHDRAWN (nothing was ordered), and the status is CANCELLED (the
   * cancel recorded it already; it is recorded again only if a step that was running at the time of
   * the cancel wrote over it).
   */
  @JobWorker(type = "overseas-close-cancelled")
  public void closeCancelled(ActivatedJob job) {
    Map<String, Object> v = job.getVariablesAsMap();
    String requestId = required(v, "requestId");
    charges.settle(requestId, Charges.Status.DECLINED);
    charges.withdrawAccepted(requestId);
    patrons.releaseQuota(requestId);
    if (requests.get(requestId).status() != RequestStatus.CANCELLED) {
      String by = text(v, "cancelledBy");
      requests.recordStatus(
          requestId,
          RequestStatus.CANCELLED,
          "system",
          "cancelled before the order was placed" + (by == null ? "" : " (by " + by + ")"),
          "job:" + job.getKey());
    }
  }

  /**
   * Records the arrival staff reported at the counter (message {@code item-arrived}); a physical
   * item then waits for its patron: returns {@code pickupBy}, the last day to pick it up ({@value
   * org.interlend.lending.PhysicalLoans#PICKUP_DAYS} calendar days, as for HKALL items).
   */
  @JobWorker(type = "overseas-record-arrival")
  public Map<String, Object> recordArrival(ActivatedJob job) {
    return Map.of(
        "pickupBy",
        overseas.recordArrival(required(job.getVariablesAsMap(), "requestId")).toString());
  }

  /**
   * Mails the home library's ILL staff that an ordered item has not arrived; the task's header
   * {@code template} names the notice ({@code overseas-staff-reminder}, {@code
   * overseas-staff-overdue}). Once per job (the job key is the deduplication key).
   */
  @JobWorker(type = "overseas-remind-staff")
  public void remindStaff(ActivatedJob job) {
    String template = job.getCustomHeaders().getOrDefault("template", "overseas-staff-reminder");
    Map<String, Object> values = new HashMap<>(job.getVariablesAsMap());
    Request request = requests.get(required(values, "requestId"));
    Object home = values.get("homeLibrary");
    String library = home != null ? home.toString() : patrons.get(request.patronId()).homeLibrary();
    values.put("title", request.title());
    values.put("status", request.status().label());
    values.put("months", job.getCustomHeaders().getOrDefault("months", ""));
    values.put("homeLibrary", library);
    var rendered = templates.render(template, values);
    notices.send(
        "job:" + job.getKey(),
        request.id(),
        staffEmail.replace("{library}", library),
        rendered.subject(),
        rendered.body());
  }

  private static String text(Map<String, Object> v, String name) {
    Object value = v.get(name);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  private static String required(Map<String, Object> v, String name) {
    String value = text(v, name);
    if (value == null) {
      throw new IllegalArgumentException("variable " + name + " is missing");
    }
    return value;
  }

  private static BigDecimal decimal(Object value) {
    if (value instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    if (value instanceof String s && !s.isBlank()) {
      return new BigDecimal(s.strip());
    }
    throw new IllegalArgumentException("estimatedCost is missing or not a number: " + value);
  }
}

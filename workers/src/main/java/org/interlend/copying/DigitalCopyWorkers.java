package org.interlend.copying;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.interlend.libraries.Library;
import org.interlend.patrons.Patron;
import org.interlend.patrons.Patrons;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Job workers of {@code digital-copy}: the patron's facts for the eligibility decision, the
 * copyright facts, quota, and the choice of the next supplier. Each is idempotent: it reads the
 * database and the job's variables and returns the same answer when a job is delivered twice.
 */
@Component
public class DigitalCopyWorkers {

  private final Patrons patrons;
  private final DigitalRequests digitalRequests;
  private final Suppliers suppliers;
  private final ScanFiles scanFiles;
  private final String consoleUrl;

  public DigitalCopyWorkers(
      Patrons patrons,
      DigitalRequests digitalRequests,
      Suppliers suppliers,
      ScanFiles scanFiles,
      @Value("${interlend.public-url:http://localhost:8080}") String consoleUrl) {
    this.consoleUrl = consoleUrl.replaceAll("/+$", "");
    this.patrons = patrons;
    this.digitalRequests = digitalRequests;
    this.suppliers = suppliers;
    this.scanFiles = scanFiles;
  }

  /** Facts for the {@code digital-eligibility} decision. */
  @JobWorker(type = "copy-patron-facts")
  public Map<String, Object> patronFacts(@Variable String patronId, @Variable String requestId) {
    Patron patron = patrons.get(patronId);
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("patronCategory", patron.category());
    facts.put("patronCategoryName", patron.categoryName());
    facts.put("patronBlocked", patron.blocked());
    facts.put("blockedReason", patron.blockedReason());
    facts.put("homeLibrary", patron.homeLibrary());
    facts.put("homeGroup", "staff-" + patron.homeLibrary());
    facts.put("requestUrl", consoleUrl + "/staff/requests/" + requestId);
    return facts;
  }

  /** Facts and limits for the {@code copyright-limit} decision (ss.47-48). */
  @JobWorker(type = "check-copyright")
  public Map<String, Object> checkCopyright(@Variable String requestId) {
    if (!digitalRequests.declared(requestId)) {
      throw new IllegalStateException(
          requestId + " has no complete copyright declaration on record; it cannot be copied");
    }
    return digitalRequests.copyrightFacts(requestId).variables();
  }

  /** Holds a quota slot for the request ({@code quotaHeld} false when the quota is used up). */
  @JobWorker(type = "copy-hold-quota")
  public Map<String, Object> holdQuota(@Variable String requestId) {
    return Map.of("quotaHeld", patrons.holdQuota(requestId));
  }

  @JobWorker(type = "copy-release-quota")
  public Map<String, Object> releaseQuota(@Variable String requestId) {
    patrons.releaseQuota(requestId);
    return Map.of("quotaHeld", false);
  }

  /**
   * The next library to ask: {@code supplierFound}, and its code, name and staff group; the code is
   * added to {@code suppliersAsked}. Files a previous supplier uploaded before answering "cannot
   * supply" are deleted from the store.
   */
  @JobWorker(type = "choose-supplier")
  public Map<String, Object> chooseSupplier(
      @Variable String requestId,
      @Variable(name = "suppliersAsked") List<String> asked,
      @Variable(name = "scanFiles") Object previousUploads) {
    scanFiles.removeUploads(rawUploads(previousUploads));
    List<String> already = asked == null ? new ArrayList<>() : new ArrayList<>(asked);
    Optional<Library> next = suppliers.next(requestId, already);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("supplierFound", next.isPresent());
    if (next.isPresent()) {
      Library library = next.get();
      already.add(library.code());
      digitalRequests.setSupplier(requestId, library.code());
      result.put("supplierCode", library.code());
      result.put("supplierName", library.name());
      result.put("supplierGroup", library.staffGroup());
    }
    result.put("suppliersAsked", already);
    // each "Scan and upload" round starts without the previous round's answers
    result.put("scanFiles", null);
    result.put("scanOutcome", null);
    result.put("scanProblem", null);
    return result;
  }

  /**
   * The files the desk or Tasklist put in {@code scanFiles}: document references, or object keys of
   * raw uploads (never a delivered copy or anything else in the bucket).
   */
  static List<Upload> rawUploads(Object scanFiles) {
    List<Upload> uploads = new ArrayList<>(Upload.parse(scanFiles));
    uploads.removeIf(u -> u instanceof Upload.Stored s && !s.key().startsWith("uploads/"));
    return uploads;
  }
}

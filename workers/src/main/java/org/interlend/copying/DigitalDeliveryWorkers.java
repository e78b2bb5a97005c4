package org.interlend.copying;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.CamundaError;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.interlend.copying.scan.WatermarkResult;
import org.interlend.copying.scan.WatermarkText;
import org.springframework.stereotype.Component;

/**
 * Job workers of {@code digital-delivery}: validate the upload, watermark it, publish it with its
 * download window, and delete it when the window closes. A bad upload is a business outcome (BPMN
 * error {@code SCAN_INVALID} with {@code scanProblem} and {@code scanProblemCode}), found while
 * validating or while marking, never an incident: {@link ScanFiles} sorts every failure into a
 * problem with the upload or a failure of the store or disk, and only the latter is thrown (and
 * retried).
 */
@Component
public class DigitalDeliveryWorkers {

  public static final String SCAN_INVALID = "SCAN_INVALID";
  private static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");

  private final ScanFiles scans;
  private final DigitalDeliveries deliveries;
  private final DigitalRequests requests;
  private final CopyingProperties properties;

  public DigitalDeliveryWorkers(
      ScanFiles scans,
      DigitalDeliveries deliveries,
      DigitalRequests requests,
      CopyingProperties properties) {
    this.scans = scans;
    this.deliveries = deliveries;
    this.requests = requests;
    this.properties = properties;
  }

  @JobWorker(type = "validate-scan")
  public Map<String, Object> validate(
      ActivatedJob job,
      @Variable String requestId,
      @Variable(name = "uploadKeys") Object uploadKeys,
      @Variable(name = "expectedPages") Integer expectedPages) {
    String combinedKey = "scans/" + requestId + "/job-" + job.getKey() + ".pdf";
    List<Upload> uploads = uploads(uploadKeys);
    ScanFiles.Outcome outcome = scans.prepare(uploads, expectedPages, combinedKey);
    if (!outcome.ok()) {
      throw refuse(uploads, List.of(), outcome.problem());
    }
    return Map.of("scanKey", outcome.prepared().scanKey(), "scanPages", outcome.prepared().pages());
  }

  @JobWorker(type = "watermark-scan")
  public Map<String, Object> watermark(
      @Variable String requestId,
      @Variable String patronId,
      @Variable String scanKey,
      @Variable(name = "uploadKeys") Object uploadKeys) {
    String deliveryKey = deliveries.reserveKey(requestId);
    WatermarkText text =
        WatermarkText.hongKong(requestId, patronId, LocalDate.now(HONG_KONG))
            .withSource(
                requests.find(requestId).map(CopyRequest::displayTitle).orElse(null),
                requests.supplier(requestId).orElse(null));
    ScanFiles.Marked marked = scans.watermark(scanKey, deliveryKey, text);
    if (!marked.ok()) {
      throw refuse(uploads(uploadKeys), intermediate(uploadKeys, scanKey), marked.problem());
    }
    WatermarkResult result = marked.copy();
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("deliveryKey", deliveryKey);
    v.put("deliverySha256", result.sha256());
    v.put("deliveryBytes", result.bytes());
    v.put("deliveryPages", result.pages());
    return v;
  }

  /**
   * Records the copy (checksum, size, window, download limit), deletes the raw upload and any
   * intermediate PDF, and returns the window for the expiry timer.
   */
  @JobWorker(type = "publish-delivery")
  public Map<String, Object> publish(
      @Variable String requestId,
      @Variable(name = "uploadKeys") Object uploadKeys,
      @Variable String scanKey,
      @Variable String deliverySha256,
      @Variable long deliveryBytes,
      @Variable int deliveryPages) {
    Instant until = Instant.now().plus(properties.downloadWindow());
    Delivery delivery =
        deliveries.publish(
            requestId,
            deliverySha256,
            deliveryBytes,
            deliveryPages,
            until,
            properties.maxDownloads());
    // the raw scan does not outlive the delivery: uploads (Camunda's documents too) and the
    // intermediate PDF go
    scans.removeUploads(uploads(uploadKeys));
    scans.remove(
        intermediate(uploadKeys, scanKey).stream()
            .filter(key -> !key.equals(delivery.objectKey()))
            .toList());
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("downloadWindow", properties.downloadWindow().toString());
    v.put("availableUntil", delivery.availableUntil().atZone(HONG_KONG).toLocalDate().toString());
    v.put("maxDownloads", delivery.maxDownloads());
    return v;
  }

  /** Closes the download window and deletes the copy from the store. */
  @JobWorker(type = "expire-delivery")
  public void expire(@Variable String requestId) {
    deliveries.expire(requestId).ifPresent(key -> scans.remove(List.of(key)));
  }

  /**
   * The BPMN error for an unusable upload. A refused upload is not kept: copyright material leaves
   * the stores once it is of no use.
   */
  private BpmnError refuse(List<Upload> uploads, List<String> intermediate, ScanProblem problem) {
    scans.removeUploads(uploads);
    scans.remove(intermediate);
    return CamundaError.bpmnError(
        SCAN_INVALID,
        problem.message(),
        Map.of("scanProblem", problem.message(), "scanProblemCode", problem.code()));
  }

  /** The uploads in {@code uploadKeys}: document references or object keys. */
  static List<Upload> uploads(Object value) {
    return Upload.parse(value);
  }

  /**
   * The scan's own PDF in Interlend's store when it is not one of the uploads (combined or copied).
   */
  static List<String> intermediate(Object uploadKeys, String scanKey) {
    if (scanKey == null) {
      return List.of();
    }
    boolean isAnUpload =
        uploads(uploadKeys).stream()
            .anyMatch(u -> u instanceof Upload.Stored s && s.key().equals(scanKey));
    return isAnUpload ? List.of() : List.of(scanKey);
  }
}

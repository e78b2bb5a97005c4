package org.interlend.smoke;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Job workers of the {@code smoke} process. */
@Component
public class SmokeWorkers {

  private final SmokeCheck smoke;

  public SmokeWorkers(SmokeCheck smoke) {
    this.smoke = smoke;
  }

  @JobWorker(type = "smoke-roundtrip")
  public Map<String, Object> roundTrip(ActivatedJob job, @Variable String recipient) {
    var result = smoke.roundTrip(job.getProcessInstanceKey(), recipient);
    return Map.of("objectKey", result.objectKey(), "bytes", result.bytes());
  }

  @JobWorker(type = "smoke-record-confirmation")
  public void recordConfirmation(ActivatedJob job, @Variable String note) {
    smoke.confirm(job.getProcessInstanceKey(), note);
  }
}

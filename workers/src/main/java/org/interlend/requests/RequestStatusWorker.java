package org.interlend.requests;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/**
 * Records a status change for "My Requests". One job type serves every "record status" task; the
 * task says which status by its input mapping {@code status}, and who by its header {@code actor}.
 * Idempotent: the job key is the deduplication key. The note {@code statusNote} is free text or a
 * coded text of the patron texts (a FEEL context {@code {code: "note.loan.due", dueDate: ...}}),
 * kept as its code to be shown in the reader's language.
 */
@Component
public class RequestStatusWorker {

  private final Requests requests;

  public RequestStatusWorker(Requests requests) {
    this.requests = requests;
  }

  @JobWorker(type = "record-status")
  public void recordStatus(
      ActivatedJob job,
      @Variable String requestId,
      @Variable String status,
      @Variable(name = "statusNote") Object statusNote) {
    String actor = job.getCustomHeaders().getOrDefault("actor", "system");
    requests.recordStatus(
        requestId, RequestStatus.valueOf(status), actor, statusNote, "job:" + job.getKey());
  }
}

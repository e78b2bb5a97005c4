package org.interlend.notices;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.interlend.libraries.Libraries;
import org.interlend.libraries.Library;
import org.interlend.patrons.Patron;
import org.interlend.patrons.Patrons;
import org.interlend.requests.Request;
import org.interlend.requests.Requests;
import org.interlend.texts.PatronTexts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends a notice about a request. One job type serves every "notify" task; the task names its
 * template in the header {@code template}. The template sees the job's variables, the request
 * ({@code requestId}, {@code title}, {@code status}), the patron ({@code patronName}, {@code
 * patronEmail}) and {@code portalUrl}. Idempotent: the job key is the deduplication key.
 *
 * <p>The notice goes to the request's patron, unless the header {@code recipient} says {@code
 * staff} (the ILL staff of a library) or {@code managers} (its managers); the library is the value
 * of the variable named by the header {@code library} (default {@code deadlineLibrary}, set by the
 * "Set deadline" tasks).
 *
 * <p>A patron's notice is in the patron's language ({@link Patrons#language}); staff notices are in
 * English.
 */
@Component
public class NoticeWorker {

  private final Notices notices;
  private final NoticeTemplates templates;
  private final Requests requests;
  private final Patrons patrons;
  private final Libraries libraries;
  private final String portalUrl;

  public NoticeWorker(
      Notices notices,
      NoticeTemplates templates,
      Requests requests,
      Patrons patrons,
      Libraries libraries,
      @Value("${interlend.public-url:http://localhost:8080}") String portalUrl) {
    this.notices = notices;
    this.templates = templates;
    this.requests = requests;
    this.patrons = patrons;
    this.libraries = libraries;
    this.portalUrl = portalUrl;
  }

  @JobWorker(type = "send-notice")
  public void sendNotice(ActivatedJob job) {
    String template = job.getCustomHeaders().get("template");
    if (template == null) {
      throw new IllegalStateException("task " + job.getElementId() + " has no 'template' header");
    }
    Map<String, Object> values = new HashMap<>(job.getVariablesAsMap());
    Request request = requests.get(String.valueOf(values.get("requestId")));
    Patron patron = patrons.get(request.patronId());
    values.put("title", request.title());
    values.put("status", request.status().label());
    values.put("patronName", patron.name());
    values.put("patronEmail", patron.email());
    values.put("portalUrl", portalUrl);
    String to = recipient(job, values, patron);
    // a patron reads it in their language; staff and managers in English
    Locale language =
        job.getCustomHeaders().getOrDefault("recipient", "patron").equals("patron")
            ? patrons.language(patron.id())
            : Locale.ENGLISH;
    if (PatronTexts.tag(language).equals("zh-TW")
        && values.get("lenderCode") instanceof String lender) {
      // the lending library by its Chinese name
      libraries.find(lender).ifPresent(l -> values.put("lenderName", l.nameZh()));
    }
    var rendered = templates.render(template, language, values);
    notices.send("job:" + job.getKey(), request.id(), to, rendered.subject(), rendered.body());
  }

  private String recipient(ActivatedJob job, Map<String, Object> values, Patron patron) {
    String recipient = job.getCustomHeaders().getOrDefault("recipient", "patron");
    if (recipient.equals("patron")) {
      return patron.email();
    }
    String variable = job.getCustomHeaders().getOrDefault("library", "deadlineLibrary");
    Object code = values.get(variable);
    if (code == null) {
      throw new IllegalStateException(
          "task "
              + job.getElementId()
              + " sends to "
              + recipient
              + " of the library in variable "
              + variable
              + ", which is missing");
    }
    Library library = libraries.get(code.toString());
    values.putIfAbsent("libraryName", library.name());
    return switch (recipient) {
      case "staff" -> library.staffEmail();
      case "managers" -> library.managersEmail();
      default ->
          throw new IllegalStateException(
              "task "
                  + job.getElementId()
                  + ": unknown recipient "
                  + recipient
                  + " (patron, staff or managers)");
    };
  }
}

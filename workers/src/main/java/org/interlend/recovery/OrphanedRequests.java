package org.interlend.recovery;

import java.util.List;
import java.util.Map;
import org.interlend.notices.NoticeTemplates;
import org.interlend.notices.Notices;
import org.interlend.patrons.Patron;
import org.interlend.patrons.Patrons;
import org.interlend.requests.ProcessState;
import org.interlend.requests.Request;
import org.interlend.requests.RequestStatus;
import org.interlend.requests.Requests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Requests whose process is gone: with the in-memory engine, a restart loses every running process,
 * while an external database keeps the requests. At start each such request is ended (CANCELLED,
 * with the reason in its history), its quota slot given back and its patron told, so that nothing
 * waits for a task or timer that no longer exists. Idempotent.
 */
@Service
public class OrphanedRequests {

  private static final Logger log = LoggerFactory.getLogger(OrphanedRequests.class);

  /** The history note, a code of the patron texts. */
  static final String NOTE = "note.request.interrupted";

  private final JdbcTemplate jdbc;
  private final Requests requests;
  private final Patrons patrons;
  private final Notices notices;
  private final NoticeTemplates templates;
  private final String portalUrl;

  public OrphanedRequests(
      JdbcTemplate jdbc,
      Requests requests,
      Patrons patrons,
      Notices notices,
      NoticeTemplates templates,
      @Value("${interlend.public-url:http://localhost:8080}") String portalUrl) {
    this.jdbc = jdbc;
    this.requests = requests;
    this.patrons = patrons;
    this.notices = notices;
    this.templates = templates;
    this.portalUrl = portalUrl;
  }

  /** Ends every open request whose process the engine does not run; returns how many. */
  public int reconcile(ProcessState processes) {
    List<String> terminal =
        java.util.Arrays.stream(RequestStatus.values())
            .filter(RequestStatus::terminal)
            .map(Enum::name)
            .toList();
    List<String> open =
        jdbc.queryForList(
            "select id from request where not (status = any (?)) order by created_at",
            String.class,
            (Object) terminal.toArray(new String[0]));
    int ended = 0;
    for (String id : open) {
      Request request = requests.get(id);
      Long key = request.processInstanceKey();
      if (key != null && !processes.live(key).map(live -> !live).orElse(false)) {
        continue; // running, or the engine cannot say: leave it
      }
      end(request);
      ended++;
    }
    if (ended > 0) {
      log.warn(
          "Ended {} requests whose process was lost with a restart of the local engine", ended);
    }
    return ended;
  }

  private void end(Request request) {
    requests.recordStatus(
        request.id(), RequestStatus.CANCELLED, "system", NOTE, "orphaned:" + request.id());
    patrons.releaseQuota(request.id());
    Patron patron = patrons.get(request.patronId());
    var rendered =
        templates.render(
            "request-interrupted",
            patrons.language(patron.id()),
            Map.of(
                "requestId", request.id(),
                "title", request.title(),
                "patronName", patron.name(),
                "portalUrl", portalUrl));
    notices.send(
        "orphaned:" + request.id(),
        request.id(),
        patron.email(),
        rendered.subject(),
        rendered.body());
  }
}

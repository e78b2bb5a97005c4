package org.interlend.copying;

import io.camunda.client.CamundaClient;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.interlend.patrons.Patrons;
import org.interlend.requests.Request;
import org.interlend.requests.Requests;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Digital copy requests: placing one (request, what it asks for and the declaration, in one
 * transaction, then its {@code digital-copy} instance), and the facts of the copyright check.
 */
@Service
public class DigitalRequests {

  public static final String PROCESS_ID = "digital-copy";

  /** Statuses of requests that no longer count towards the copyright limits. */
  private static final String DEAD = "('REJECTED', 'CANCELLED', 'UNFILLED')";

  private final JdbcTemplate jdbc;
  private final Requests requests;
  private final Patrons patrons;
  private final CamundaClient client;
  private final TransactionTemplate tx;
  private final CopyingProperties properties;

  public DigitalRequests(
      JdbcTemplate jdbc,
      Requests requests,
      Patrons patrons,
      CamundaClient client,
      TransactionTemplate tx,
      CopyingProperties properties) {
    this.jdbc = jdbc;
    this.requests = requests;
    this.patrons = patrons;
    this.client = client;
    this.tx = tx;
    this.properties = properties;
  }

  /**
   * Places a request: records it with its declaration and starts {@code digital-copy}. Bad input
   * creates nothing.
   *
   * @throws InvalidCopyRequestException if the request or the declaration is incomplete
   */
  public Request place(String patronId, CopyRequest asked, Declaration declaration) {
    if (patrons.find(patronId).isEmpty()) {
      throw new InvalidCopyRequestException("no patron " + patronId);
    }
    CopyRequest copy = asked == null ? null : asked.normalised();
    if (copy == null) {
      throw new InvalidCopyRequestException("the request is empty");
    }
    if (declaration == null || !declaration.missing().isEmpty()) {
      throw new InvalidCopyRequestException(
          "every statement of the copyright declaration must be affirmed; not affirmed: "
              + (declaration == null
                  ? "researchOrPrivateStudy, notSuppliedBefore, notRelatedToOtherPerson, noRedistribution"
                  : String.join(", ", declaration.missing())));
    }
    Request request = tx.execute(status -> record(patronId, copy));
    Map<String, Object> start = new java.util.HashMap<>(copy.variables());
    start.put("requestId", request.id());
    start.put("patronId", patronId);
    try {
      long key =
          client
              .newCreateInstanceCommand()
              .bpmnProcessId(PROCESS_ID)
              .latestVersion()
              .variables(start)
              .send()
              .join(30, TimeUnit.SECONDS)
              .getProcessInstanceKey();
      requests.attachProcess(request.id(), key);
      return requests.get(request.id());
    } catch (RuntimeException e) {
      tx.executeWithoutResult(status -> remove(request.id()));
      throw new IllegalStateException(
          "the workflow engine did not start "
              + PROCESS_ID
              + " for "
              + request.id()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Records what a copy requested through another service (an overseas copy) asks for, and the
   * patron's declaration, under the same rules as a digital request: the copyright check counts it
   * with the patron's digital requests. Once per request; a second call changes nothing.
   *
   * @throws InvalidCopyRequestException when the details or the declaration are incomplete
   */
  public void recordCopy(
      String requestId, String patronId, CopyRequest asked, Declaration declaration) {
    CopyRequest copy = asked.normalised();
    if (declaration == null || !declaration.missing().isEmpty()) {
      throw new InvalidCopyRequestException(
          "every statement of the copyright declaration must be affirmed for a copy");
    }
    tx.executeWithoutResult(
        status -> {
          jdbc.update(
              "insert into digital_request (request_id, kind, title, isbn, issn, chapter, article_title,"
                  + " volume, issue, page_start, page_end, total_pages)"
                  + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (request_id) do nothing",
              requestId,
              copy.kind().name(),
              copy.title(),
              copy.isbn(),
              copy.issn(),
              copy.chapter(),
              copy.articleTitle(),
              copy.volume(),
              copy.issue(),
              copy.pageStart(),
              copy.pageEnd(),
              copy.totalPages());
          jdbc.update(
              "insert into copy_declaration (request_id, patron_id, research_or_private_study,"
                  + " not_supplied_before, not_related_to_other_person, no_redistribution, wording)"
                  + " values (?, ?, true, true, true, true, ?) on conflict (request_id) do nothing",
              requestId,
              patronId,
              Declaration.WORDING);
        });
  }

  private Request record(String patronId, CopyRequest copy) {
    Request request = requests.create("DIGITAL", patronId, copy.displayTitle());
    jdbc.update(
        "insert into digital_request (request_id, kind, title, isbn, issn, chapter, article_title,"
            + " volume, issue, page_start, page_end, total_pages)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        request.id(),
        copy.kind().name(),
        copy.title(),
        copy.isbn(),
        copy.issn(),
        copy.chapter(),
        copy.articleTitle(),
        copy.volume(),
        copy.issue(),
        copy.pageStart(),
        copy.pageEnd(),
        copy.totalPages());
    jdbc.update(
        "insert into copy_declaration (request_id, patron_id, research_or_private_study,"
            + " not_supplied_before, not_related_to_other_person, no_redistribution, wording)"
            + " values (?, ?, true, true, true, true, ?)",
        request.id(),
        patronId,
        Declaration.WORDING);
    return request;
  }

  private void remove(String requestId) {
    jdbc.update("delete from copy_declaration where request_id = ?", requestId);
    jdbc.update("delete from digital_request where request_id = ?", requestId);
    jdbc.update("delete from request_event where request_id = ?", requestId);
    jdbc.update("delete from request where id = ?", requestId);
  }

  public Optional<CopyRequest> find(String requestId) {
    return jdbc
        .query(
            "select * from digital_request where request_id = ?",
            (rs, i) ->
                new CopyRequest(
                    CopyKind.valueOf(rs.getString("kind")),
                    rs.getString("title"),
                    rs.getString("isbn"),
                    rs.getString("issn"),
                    rs.getString("chapter"),
                    rs.getString("article_title"),
                    rs.getString("volume"),
                    rs.getString("issue"),
                    (Integer) rs.getObject("page_start"),
                    (Integer) rs.getObject("page_end"),
                    (Integer) rs.getObject("total_pages")),
            requestId)
        .stream()
        .findFirst();
  }

  public CopyRequest get(String requestId) {
    return find(requestId)
        .orElseThrow(() -> new IllegalArgumentException("no digital request " + requestId));
  }

  /** Whether the request's declaration is on record with all four statements affirmed. */
  public boolean declared(String requestId) {
    return jdbc.queryForObject(
            "select count(*) from copy_declaration where request_id = ? and research_or_private_study"
                + " and not_supplied_before and not_related_to_other_person and no_redistribution",
            Integer.class,
            requestId)
        == 1;
  }

  /**
   * Counts the patron's live requests placed before this one for the same journal issue (s.47) or
   * the same book (s.48). A request rejected, cancelled or unfilled does not count; of two requests
   * racing for the same issue, the one placed first wins.
   */
  public CopyrightFacts copyrightFacts(String requestId) {
    CopyRequest copy = get(requestId);
    String earlier =
        " from digital_request d join request r on r.id = d.request_id"
            + " where r.patron_id = (select patron_id from request where id = ?)"
            + " and d.request_id <> ? and r.status not in "
            + DEAD
            + " and (r.created_at, cast(substr(r.id, 3) as bigint)) <"
            + " (select created_at, cast(substr(id, 3) as bigint) from request where id = ?)"
            + " and d.kind = ?";
    if (copy.kind() == CopyKind.ARTICLE) {
      // same journal (ISSN, else title) in SQL; same volume and issue compared as IssueKey, so that
      // "3" and "No. 3" are one issue
      List<Map<String, Object>> sameJournal =
          jdbc.queryForList(
              "select d.volume, d.issue"
                  + earlier
                  + " and (case when d.issn is not null and ?::text is not null then d.issn = ?"
                  + " else lower(d.title) = lower(?) end)",
              requestId,
              requestId,
              requestId,
              CopyKind.ARTICLE.name(),
              copy.issn(),
              copy.issn(),
              copy.title());
      int before =
          (int)
              sameJournal.stream()
                  .filter(
                      row ->
                          IssueKey.same((String) row.get("volume"), copy.volume())
                              && IssueKey.same((String) row.get("issue"), copy.issue()))
                  .count();
      return new CopyrightFacts(
          CopyKind.ARTICLE,
          before,
          false,
          0,
          copy.pages(),
          percent(copy.pages(), copy.totalPages()),
          properties.maxArticlesPerIssue(),
          properties.maxChaptersPerWork(),
          properties.maxPercentOfWork(),
          percent(copy.pages(), copy.totalPages()),
          properties.chapterMediationPercent());
    }
    Map<String, Object> before =
        jdbc.queryForMap(
            "select count(*) filter (where d.chapter is not null) as chapters,"
                + " coalesce(sum(d.page_end - d.page_start + 1), 0) as pages"
                + earlier
                + " and (case when d.isbn is not null and ?::text is not null then d.isbn = ?"
                + " else lower(d.title) = lower(?) end)",
            requestId,
            requestId,
            requestId,
            CopyKind.CHAPTER.name(),
            copy.isbn(),
            copy.isbn(),
            copy.title());
    boolean named = copy.chapter() != null;
    int chapters = ((Number) before.get("chapters")).intValue() + (named ? 1 : 0);
    int pages = ((Number) before.get("pages")).intValue() + copy.pages();
    return new CopyrightFacts(
        CopyKind.CHAPTER,
        0,
        named,
        chapters,
        pages,
        percent(pages, copy.totalPages()),
        properties.maxArticlesPerIssue(),
        properties.maxChaptersPerWork(),
        properties.maxPercentOfWork(),
        percent(copy.pages(), copy.totalPages()),
        properties.chapterMediationPercent());
  }

  private static Double percent(int pages, Integer total) {
    return total == null || total <= 0 ? null : Math.round(pages * 10000.0 / total) / 100.0;
  }

  /** The library recorded as supplying (or scanning) the copy, if any. */
  public Optional<String> supplier(String requestId) {
    return jdbc
        .queryForList(
            "select supplier from digital_request where request_id = ?", String.class, requestId)
        .stream()
        .filter(Objects::nonNull)
        .findFirst();
  }

  /** Records the library that supplied (or is scanning) the copy. */
  public void setSupplier(String requestId, String libraryCode) {
    jdbc.update(
        "update digital_request set supplier = ? where request_id = ?", libraryCode, requestId);
  }
}

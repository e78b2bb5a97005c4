package org.interlend.copying;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the {@code copyright-limit} decision needs about one request: the patron's earlier live
 * requests for the same journal issue or book, and the configured limits.
 *
 * @param articlesFromIssueBefore the patron's earlier live article requests from the same issue
 * @param namedChapter whether this request is for a named chapter (not an extract)
 * @param chaptersFromWork chapters of the same book the patron would have, this one included
 * @param pagesFromWork pages of the same book the patron would have, this request included
 * @param pagesPercent {@code pagesFromWork} as a percentage of the book, null if its length is
 *     unknown
 * @param requestPercent this request's pages as a percentage of the book, null if unknown
 * @param chapterMediationPercent a named chapter longer than this goes to staff to judge
 */
public record CopyrightFacts(
    CopyKind kind,
    int articlesFromIssueBefore,
    boolean namedChapter,
    int chaptersFromWork,
    int pagesFromWork,
    Double pagesPercent,
    int maxArticlesPerIssue,
    int maxChaptersPerWork,
    int maxPercentOfWork,
    Double requestPercent,
    int chapterMediationPercent) {

  public Map<String, Object> variables() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("kind", kind.name());
    v.put("articlesFromIssueBefore", articlesFromIssueBefore);
    v.put("namedChapter", namedChapter);
    v.put("chaptersFromWork", chaptersFromWork);
    v.put("pagesFromWork", pagesFromWork);
    v.put("pagesPercent", pagesPercent);
    v.put("maxArticlesPerIssue", maxArticlesPerIssue);
    v.put("maxChaptersPerWork", maxChaptersPerWork);
    v.put("maxPercentOfWork", maxPercentOfWork);
    v.put("requestPercent", requestPercent);
    v.put("chapterMediationPercent", chapterMediationPercent);
    return v;
  }
}

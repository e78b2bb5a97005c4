package org.interlend.copying;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a digital copy request asks for. A chapter names the book ({@code title}, {@code isbn}), the
 * chapter (blank for an extract), the page range and the total pages of the book; an article names
 * the journal ({@code title}, {@code issn}), volume and issue, the article title and its page
 * range.
 */
public record CopyRequest(
    CopyKind kind,
    String title,
    String isbn,
    String issn,
    String chapter,
    String articleTitle,
    String volume,
    String issue,
    Integer pageStart,
    Integer pageEnd,
    Integer totalPages) {

  private static final int MAX_TEXT = 500;

  /**
   * Trims text, normalises ISBN/ISSN to digits (and X), and checks the fields the kind needs.
   *
   * @throws InvalidCopyRequestException naming the first problem
   */
  public CopyRequest normalised() {
    if (kind == null) {
      throw new InvalidCopyRequestException("kind must be CHAPTER or ARTICLE");
    }
    String t = text("title", title, true);
    String isbnDigits = code("isbn", isbn, 10, 13);
    String issnDigits = code("issn", issn, 8, 8);
    String ch = text("chapter", chapter, false);
    String article = text("articleTitle", articleTitle, kind == CopyKind.ARTICLE);
    String vol = text("volume", volume, false);
    String iss = text("issue", issue, false);
    if (pageStart == null || pageEnd == null) {
      throw new InvalidCopyRequestException("pageStart and pageEnd are required");
    }
    if (pageStart < 1 || pageEnd < pageStart) {
      throw new InvalidCopyRequestException(
          "the page range " + pageStart + "-" + pageEnd + " is not valid");
    }
    if (kind == CopyKind.CHAPTER) {
      if (totalPages == null) {
        throw new InvalidCopyRequestException(
            "totalPages (pages of the whole book) is required for a chapter");
      }
      if (totalPages < pageEnd) {
        throw new InvalidCopyRequestException(
            "the page range ends at " + pageEnd + " but the book has " + totalPages + " pages");
      }
      return new CopyRequest(
          kind, t, isbnDigits, null, ch, null, null, null, pageStart, pageEnd, totalPages);
    }
    if (vol == null && iss == null) {
      throw new InvalidCopyRequestException("volume or issue is required for an article");
    }
    if (totalPages != null && totalPages < pageEnd) {
      throw new InvalidCopyRequestException("totalPages is smaller than the page range");
    }
    return new CopyRequest(
        kind, t, null, issnDigits, null, article, vol, iss, pageStart, pageEnd, totalPages);
  }

  public int pages() {
    return pageEnd - pageStart + 1;
  }

  /** The title shown in "My Requests". */
  public String displayTitle() {
    String range = "pp. " + pageStart + "-" + pageEnd;
    if (kind == CopyKind.ARTICLE) {
      StringBuilder s = new StringBuilder(articleTitle).append(" (").append(title);
      if (volume != null) {
        s.append(" vol. ").append(volume);
      }
      if (issue != null) {
        s.append(" no. ").append(issue);
      }
      return s.append(", ").append(range).append(')').toString();
    }
    return (chapter == null ? "Extract" : "Chapter " + chapter)
        + " of "
        + title
        + " ("
        + range
        + ")";
  }

  /** Small process variables describing the request (for staff forms and notices). */
  public Map<String, Object> variables() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("kind", kind.name());
    v.put("workTitle", title);
    v.put("pageStart", pageStart);
    v.put("pageEnd", pageEnd);
    v.put("expectedPages", pages());
    v.put("citation", displayTitle());
    if (isbn != null) {
      v.put("isbn", isbn);
    }
    if (issn != null) {
      v.put("issn", issn);
    }
    return v;
  }

  private static String text(String name, String value, boolean required) {
    String v = value == null ? null : value.strip();
    if (v == null || v.isEmpty()) {
      if (required) {
        throw new InvalidCopyRequestException(name + " is required");
      }
      return null;
    }
    if (v.length() > MAX_TEXT) {
      throw new InvalidCopyRequestException(name + " is longer than " + MAX_TEXT + " characters");
    }
    return v;
  }

  private static String code(String name, String value, int oneLength, int otherLength) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String digits = value.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
    boolean length = digits.length() == oneLength || digits.length() == otherLength;
    if (!digits.matches("[0-9]*X?") || !length) {
      throw new InvalidCopyRequestException(
          name + " '" + value + "' is not a valid " + name.toUpperCase());
    }
    return digits;
  }
}

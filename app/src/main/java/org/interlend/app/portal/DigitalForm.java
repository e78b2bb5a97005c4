package org.interlend.app.portal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.interlend.copying.CopyKind;
import org.interlend.copying.CopyRequest;
import org.interlend.copying.Declaration;

/**
 * The digital copy form as posted (all text, so that anything typed comes back to the patron), and
 * its binding to the copying service's request and declaration.
 */
public class DigitalForm {

  private String kind = "CHAPTER";
  private String title = "";
  private String isbn = "";
  private String issn = "";
  private String chapter = "";
  private String articleTitle = "";
  private String volume = "";
  private String issue = "";
  private String pageStart = "";
  private String pageEnd = "";
  private String totalPages = "";
  private boolean researchOrPrivateStudy;
  private boolean notSuppliedBefore;
  private boolean notRelatedToOtherPerson;
  private boolean noRedistribution;

  /** Field errors found before the service is asked: field name -> message key. */
  public Map<String, String> check() {
    Map<String, String> errors = new LinkedHashMap<>();
    if (!kind.equals("CHAPTER") && !kind.equals("ARTICLE")) {
      errors.put("kind", "digital.error.kind");
    }
    if (title.isBlank()) {
      errors.put("title", "digital.error.title");
    }
    number(errors, "pageStart", pageStart, true);
    number(errors, "pageEnd", pageEnd, true);
    number(errors, "totalPages", totalPages, kind.equals("CHAPTER"));
    if (!researchOrPrivateStudy
        || !notSuppliedBefore
        || !notRelatedToOtherPerson
        || !noRedistribution) {
      errors.put("declaration", "digital.error.declaration");
    }
    return errors;
  }

  private static void number(
      Map<String, String> errors, String field, String value, boolean required) {
    if (value.isBlank()) {
      if (required) {
        errors.put(field, "digital.error.required");
      }
      return;
    }
    try {
      if (Integer.parseInt(value.strip()) < 1) {
        errors.put(field, "digital.error.number");
      }
    } catch (NumberFormatException e) {
      errors.put(field, "digital.error.number");
    }
  }

  public CopyRequest toRequest() {
    return new CopyRequest(
        CopyKind.valueOf(kind),
        title,
        blankToNull(isbn),
        blankToNull(issn),
        blankToNull(chapter),
        blankToNull(articleTitle),
        blankToNull(volume),
        blankToNull(issue),
        integer(pageStart),
        integer(pageEnd),
        integer(totalPages));
  }

  public Declaration toDeclaration() {
    return new Declaration(
        researchOrPrivateStudy, notSuppliedBefore, notRelatedToOtherPerson, noRedistribution);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static Integer integer(String s) {
    return s == null || s.isBlank() ? null : Integer.valueOf(s.strip());
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = text(kind).strip();
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = text(title);
  }

  public String getIsbn() {
    return isbn;
  }

  public void setIsbn(String isbn) {
    this.isbn = text(isbn);
  }

  public String getIssn() {
    return issn;
  }

  public void setIssn(String issn) {
    this.issn = text(issn);
  }

  public String getChapter() {
    return chapter;
  }

  public void setChapter(String chapter) {
    this.chapter = text(chapter);
  }

  public String getArticleTitle() {
    return articleTitle;
  }

  public void setArticleTitle(String articleTitle) {
    this.articleTitle = text(articleTitle);
  }

  public String getVolume() {
    return volume;
  }

  public void setVolume(String volume) {
    this.volume = text(volume);
  }

  public String getIssue() {
    return issue;
  }

  public void setIssue(String issue) {
    this.issue = text(issue);
  }

  public String getPageStart() {
    return pageStart;
  }

  public void setPageStart(String pageStart) {
    this.pageStart = text(pageStart);
  }

  public String getPageEnd() {
    return pageEnd;
  }

  public void setPageEnd(String pageEnd) {
    this.pageEnd = text(pageEnd);
  }

  public String getTotalPages() {
    return totalPages;
  }

  public void setTotalPages(String totalPages) {
    this.totalPages = text(totalPages);
  }

  public boolean isResearchOrPrivateStudy() {
    return researchOrPrivateStudy;
  }

  public void setResearchOrPrivateStudy(boolean v) {
    this.researchOrPrivateStudy = v;
  }

  public boolean isNotSuppliedBefore() {
    return notSuppliedBefore;
  }

  public void setNotSuppliedBefore(boolean v) {
    this.notSuppliedBefore = v;
  }

  public boolean isNotRelatedToOtherPerson() {
    return notRelatedToOtherPerson;
  }

  public void setNotRelatedToOtherPerson(boolean v) {
    this.notRelatedToOtherPerson = v;
  }

  public boolean isNoRedistribution() {
    return noRedistribution;
  }

  public void setNoRedistribution(boolean v) {
    this.noRedistribution = v;
  }
}

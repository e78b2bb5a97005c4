package org.interlend.app.portal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.interlend.catalogue.Bib;

/**
 * The overseas request form as posted (text, so anything typed comes back), turned into the body
 * the overseas request API validates. Blank fields are left out.
 */
public class OverseasForm {

  private String type = "BOOK";
  private String purpose = "";
  private String title = "";
  private String author = "";
  private String isbn = "";
  private String issn = "";
  private String publisher = "";
  private String year = "";
  private String edition = "";
  private String articleTitle = "";
  private String volume = "";
  private String pages = "";
  private String issue = "";
  private String totalPages = "";
  private boolean researchOrPrivateStudy;
  private boolean notSuppliedBefore;
  private boolean notRelatedToOtherPerson;
  private boolean noRedistribution;
  private String note = "";

  void fillFrom(Bib bib) {
    title = bib.title();
    author = bib.author() == null ? "" : bib.author();
    isbn = bib.isbn() == null ? "" : bib.isbn();
    issn = bib.issn() == null ? "" : bib.issn();
    publisher = bib.publisher() == null ? "" : bib.publisher();
    year = bib.year() == null ? "" : bib.year().toString();
  }

  ObjectNode toJson() {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    put(body, "type", type);
    put(body, "purpose", purpose);
    put(body, "title", title);
    put(body, "author", author);
    put(body, "isbn", isbn);
    put(body, "issn", issn);
    put(body, "publisher", publisher);
    if (!year.isBlank()) {
      String y = year.strip();
      if (y.matches("\\d{1,9}")) {
        body.put("year", Integer.parseInt(y));
      } else {
        body.put("year", y); // the API names the problem
      }
    }
    put(body, "edition", edition);
    if (type.equals("COPY")) {
      put(body, "articleTitle", articleTitle);
      put(body, "volume", volume);
      put(body, "issue", issue);
      put(body, "pages", pages);
      if (!totalPages.isBlank()) {
        String t = totalPages.strip();
        if (t.matches("\\d{1,6}")) {
          body.put("totalPages", Integer.parseInt(t));
        } else {
          body.put("totalPages", t); // the API names the problem
        }
      }
      ObjectNode declaration = body.putObject("declaration");
      declaration.put("researchOrPrivateStudy", researchOrPrivateStudy);
      declaration.put("notSuppliedBefore", notSuppliedBefore);
      declaration.put("notRelatedToOtherPerson", notRelatedToOtherPerson);
      declaration.put("noRedistribution", noRedistribution);
    }
    put(body, "note", note);
    return body;
  }

  private static void put(ObjectNode body, String name, String value) {
    if (value != null && !value.isBlank()) {
      body.put(name, value.strip());
    }
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = text(type).strip();
  }

  public String getPurpose() {
    return purpose;
  }

  public void setPurpose(String purpose) {
    this.purpose = text(purpose).strip();
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = text(title);
  }

  public String getAuthor() {
    return author;
  }

  public void setAuthor(String author) {
    this.author = text(author);
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

  public String getPublisher() {
    return publisher;
  }

  public void setPublisher(String publisher) {
    this.publisher = text(publisher);
  }

  public String getYear() {
    return year;
  }

  public void setYear(String year) {
    this.year = text(year);
  }

  public String getEdition() {
    return edition;
  }

  public void setEdition(String edition) {
    this.edition = text(edition);
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

  public String getPages() {
    return pages;
  }

  public void setPages(String pages) {
    this.pages = text(pages);
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = text(note);
  }

  public String getIssue() {
    return issue;
  }

  public void setIssue(String issue) {
    this.issue = text(issue);
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

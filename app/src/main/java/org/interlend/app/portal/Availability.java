package org.interlend.app.portal;

import java.util.List;
import org.interlend.catalogue.Bib;
import org.interlend.catalogue.Catalogue;
import org.interlend.catalogue.Item;
import org.interlend.eligibility.Eligibility;
import org.interlend.lending.Requestability;
import org.interlend.libraries.Libraries;
import org.interlend.libraries.Library;
import org.interlend.patrons.Patron;
import org.interlend.texts.PatronTexts;
import org.springframework.stereotype.Service;

/**
 * A title in the HKALL scope as a patron sees it: every library's copies with their status, and
 * whether a physical HKALL request can be placed, or why not (the reasons on the HKALL service
 * pages, {@link Requestability}). The physical-loan process judges again when a request is placed.
 */
@Service
public class Availability {

  /** Why a title can or cannot be requested as an HKALL loan (the lending rules' refusals). */
  public enum Verdict {
    REQUESTABLE,
    AVAILABLE_AT_HOME,
    NOT_HELD,
    NON_LOANABLE,
    ALL_OUT,
    /** The patron may not borrow through HKALL (category, blocked account, HKALL cap or quota). */
    NOT_ELIGIBLE;

    public boolean requestable() {
      return this == REQUESTABLE;
    }

    static Verdict of(Requestability.Verdict v) {
      return v.requestable() ? REQUESTABLE : valueOf(v.refusal().name());
    }
  }

  public record Copy(
      long itemId,
      String libraryCode,
      String libraryName,
      String libraryNameZh,
      String format,
      String collection,
      String status,
      boolean loanable,
      String callNumber) {}

  /**
   * @param refusal why a title cannot be requested (the lending rules' or the eligibility's reason,
   *     in the language of the web request), else null
   */
  public record Title(
      Bib bib, List<Copy> copies, Verdict verdict, String refusal, List<String> lenders) {}

  private final Catalogue catalogue;
  private final Libraries libraries;
  private final Eligibility eligibility;
  private final PatronTexts texts;

  public Availability(
      Catalogue catalogue, Libraries libraries, Eligibility eligibility, PatronTexts texts) {
    this.texts = texts;
    this.catalogue = catalogue;
    this.libraries = libraries;
    this.eligibility = eligibility;
  }

  public List<Title> search(String query, String homeLibrary, int limit) {
    return catalogue.search(query, limit).stream().map(b -> title(b, homeLibrary)).toList();
  }

  /**
   * The titles as this patron sees them: when the patron may not borrow through HKALL at all
   * (decided once, before any request: category, blocked account, HKALL cap, home quota), every
   * title says so, with the reason, and offers no request.
   */
  public List<Title> search(String query, Patron patron, int limit) {
    Eligibility.Verdict may = eligibility.hkall(patron);
    return catalogue.search(query, limit).stream()
        .map(b -> title(b, patron.homeLibrary(), may))
        .toList();
  }

  /** One title as this patron sees it (see {@link #search(String, Patron, int)}). */
  public Title title(Bib bib, Patron patron) {
    return title(bib, patron.homeLibrary(), eligibility.hkall(patron));
  }

  private Title title(Bib bib, String homeLibrary, Eligibility.Verdict may) {
    Title title = title(bib, homeLibrary);
    if (may.eligible() || title.verdict() == Verdict.AVAILABLE_AT_HOME) {
      return title;
    }
    return new Title(
        title.bib(), title.copies(), Verdict.NOT_ELIGIBLE, may.reason(), title.lenders());
  }

  public Title title(Bib bib, String homeLibrary) {
    List<Item> items = catalogue.items(bib.id());
    List<Copy> copies =
        items.stream()
            .map(
                i -> {
                  Library l = libraries.find(i.libraryCode()).orElse(null);
                  return new Copy(
                      i.id(),
                      i.libraryCode(),
                      l == null ? i.libraryCode() : l.name(),
                      l == null ? i.libraryCode() : l.nameZh(),
                      i.format(),
                      i.collection(),
                      i.status(),
                      i.loanable(),
                      i.callNumber());
                })
            .toList();
    List<String> lenders =
        items.stream()
            .filter(i -> !i.libraryCode().equals(homeLibrary) && i.loanable() && i.available())
            .map(Item::libraryCode)
            .distinct()
            .toList();
    Requestability.Verdict verdict = Requestability.judge(homeLibrary, items);
    return new Title(bib, copies, Verdict.of(verdict), texts.render(verdict.reason()), lenders);
  }
}

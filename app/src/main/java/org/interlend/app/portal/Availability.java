package org.interlend.app.portal;

import java.util.List;
import org.interlend.catalogue.Bib;
import org.interlend.catalogue.Catalogue;
import org.interlend.catalogue.Item;
import org.interlend.lending.Requestability;
import org.interlend.libraries.Libraries;
import org.interlend.libraries.Library;
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
    ALL_OUT;

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

  /** @param refusal the lending rules' message for a title that cannot be requested, else null */
  public record Title(Bib bib, List<Copy> copies, Verdict verdict, String refusal, List<String> lenders) {}

  private final Catalogue catalogue;
  private final Libraries libraries;

  public Availability(Catalogue catalogue, Libraries libraries) {
    this.catalogue = catalogue;
    this.libraries = libraries;
  }

  public List<Title> search(String query, String homeLibrary, int limit) {
    return catalogue.search(query, limit).stream().map(b -> title(b, homeLibrary)).toList();
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
    return new Title(bib, copies, Verdict.of(verdict), verdict.reason(), lenders);
  }
}

package org.interlend.lending;

import java.util.List;
import org.interlend.catalogue.Item;

/**
 * Whether a title may be requested through HKALL, from its copies across the consortium (the
 * rules of the HKALL service pages):
 *
 * <ol>
 *   <li>a loanable copy available at the home library is borrowed there, not through HKALL;
 *   <li>the other libraries must hold the title;
 *   <li>at least one of their copies must be loanable (a book in a general collection, not flagged
 *       not-for-loan): e-books, online resources, DVDs, journals, reference, course readings and
 *       special collections do not travel;
 *   <li>at least one loanable copy must be available: holds cannot be placed on checked-out HKALL
 *       books.
 * </ol>
 */
public final class Requestability {

  private Requestability() {}

  /** Why a title cannot be requested, with the message shown to the patron. */
  public enum Refusal {
    AVAILABLE_AT_HOME(
        "A copy is available at your home library: please borrow it there, or ask at the"
            + " circulation counter if you cannot find it on the shelf."),
    NOT_HELD("No other HKALL library holds a copy of this title."),
    NON_LOANABLE(
        "No HKALL library can lend this title: every copy is in a non-loanable format (e-book,"
            + " online resource, DVD, journal) or collection (reference, course readings, special"
            + " collections), or is not suitable for loan."),
    ALL_OUT(
        "Every loanable copy at the other HKALL libraries is out on loan or missing, and holds"
            + " cannot be placed on checked-out HKALL books.");

    private final String message;

    Refusal(String message) {
      this.message = message;
    }

    public String message() {
      return message;
    }
  }

  /** The verdict: requestable, or refused with a reason. */
  public record Verdict(Refusal refusal) {
    public boolean requestable() {
      return refusal == null;
    }

    public String reason() {
      return refusal == null ? null : refusal.message();
    }
  }

  public static Verdict judge(String homeLibrary, List<Item> copies) {
    if (copies.stream()
        .anyMatch(c -> c.libraryCode().equals(homeLibrary) && c.loanable() && c.available())) {
      return new Verdict(Refusal.AVAILABLE_AT_HOME);
    }
    List<Item> elsewhere = copies.stream().filter(c -> !c.libraryCode().equals(homeLibrary)).toList();
    if (elsewhere.isEmpty()) {
      return new Verdict(Refusal.NOT_HELD);
    }
    List<Item> loanable = elsewhere.stream().filter(Item::loanable).toList();
    if (loanable.isEmpty()) {
      return new Verdict(Refusal.NON_LOANABLE);
    }
    if (loanable.stream().noneMatch(Item::available)) {
      return new Verdict(Refusal.ALL_OUT);
    }
    return new Verdict(null);
  }
}

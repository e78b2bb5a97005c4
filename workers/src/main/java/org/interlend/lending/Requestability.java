package org.interlend.lending;

import java.util.List;
import org.interlend.catalogue.Item;

/**
 * Whether a title may be requested through HKALL, from its copies across the consortium (the rules
 * of the HKALL service pages):
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

  /**
   * Why a title cannot be requested. What the patron is told is the patron text {@link #code()}
   * ({@code patron-texts.properties}), in their language.
   */
  public enum Refusal {
    AVAILABLE_AT_HOME,
    NOT_HELD,
    NON_LOANABLE,
    ALL_OUT;

    /** The code of the patron text that tells the patron why. */
    public String code() {
      return "reason.requestability." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /** The verdict: requestable, or refused with a reason. */
  public record Verdict(Refusal refusal) {
    public boolean requestable() {
      return refusal == null;
    }

    /** The code of the patron text that says why, or null if requestable. */
    public String reason() {
      return refusal == null ? null : refusal.code();
    }
  }

  public static Verdict judge(String homeLibrary, List<Item> copies) {
    if (copies.stream()
        .anyMatch(c -> c.libraryCode().equals(homeLibrary) && c.loanable() && c.available())) {
      return new Verdict(Refusal.AVAILABLE_AT_HOME);
    }
    List<Item> elsewhere =
        copies.stream().filter(c -> !c.libraryCode().equals(homeLibrary)).toList();
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

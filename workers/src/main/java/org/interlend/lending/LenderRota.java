package org.interlend.lending;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.interlend.catalogue.Item;

/**
 * The lender rota of a request: the libraries other than the home library that hold an available,
 * loanable copy of the title. Their order is the rota ranking's ({@link
 * org.interlend.lending.rules.RotaRanking}: measured fill rate, turnaround and load); a library
 * that has been asked already is not asked again.
 */
public final class LenderRota {

  private LenderRota() {}

  /** The candidate lenders, in no particular order. */
  public static List<String> candidates(String homeLibrary, List<Item> copies) {
    return copies.stream()
        .filter(c -> !c.libraryCode().equals(homeLibrary) && c.loanable() && c.available())
        .map(Item::libraryCode)
        .distinct()
        .toList();
  }

  /** The copy to ask {@code lender} for: its first available loanable copy. */
  public static Optional<Item> copyAt(String lender, List<Item> copies) {
    return copies.stream()
        .filter(c -> c.libraryCode().equals(lender) && c.loanable() && c.available())
        .findFirst();
  }

  /** The first lender of {@code ordered} not asked yet, or empty when the rota is exhausted. */
  public static Optional<String> next(List<String> ordered, Collection<String> asked) {
    return ordered.stream().filter(l -> !asked.contains(l)).findFirst();
  }
}

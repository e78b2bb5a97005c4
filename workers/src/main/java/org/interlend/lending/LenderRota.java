package org.interlend.lending;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.interlend.catalogue.Item;

/**
 * The lender rota of a request: the libraries other than the home library that hold an available,
 * loanable copy of the title, asked one after another in the consortium's rota order ({@code
 * library.rota_rank}, lower first). A library that has been asked already is not asked again.
 */
public final class LenderRota {

  private LenderRota() {}

  /**
   * @param rotaRank rota rank of every library by code
   * @return the candidate lenders, in the order they are asked
   */
  public static List<String> lenders(String homeLibrary, List<Item> copies, Map<String, Integer> rotaRank) {
    return copies.stream()
        .filter(c -> !c.libraryCode().equals(homeLibrary) && c.loanable() && c.available())
        .map(Item::libraryCode)
        .distinct()
        .sorted(Comparator.comparing(code -> rotaRank.getOrDefault(code, Integer.MAX_VALUE)))
        .toList();
  }

  /** The next library to ask, or empty when the rota is exhausted. */
  public static Optional<String> next(
      String homeLibrary, List<Item> copies, Map<String, Integer> rotaRank, Collection<String> asked) {
    return lenders(homeLibrary, copies, rotaRank).stream().filter(l -> !asked.contains(l)).findFirst();
  }
}

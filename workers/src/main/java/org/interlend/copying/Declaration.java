package org.interlend.copying;

import java.util.ArrayList;
import java.util.List;

/**
 * The declaration a patron makes with every digital copy request (Copyright Ordinance ss.47-48):
 * each of the four statements must be affirmed.
 */
public record Declaration(
    boolean researchOrPrivateStudy,
    boolean notSuppliedBefore,
    boolean notRelatedToOtherPerson,
    boolean noRedistribution) {

  /** The statements the patron affirms, stored with the declaration. */
  public static final String WORDING =
      """
      I declare that: (1) I require the copy for the purposes of research or private study; \
      (2) I have not previously been supplied with a copy of the same material by any library; \
      (3) to the best of my knowledge no other person with whom I work or study has made or \
      intends to make a request for the same material for substantially the same purpose; \
      (4) I will not redistribute the copy or give it to any other person.""";

  /**
   * The statements not affirmed, by their API field names; empty when the declaration is complete.
   */
  public List<String> missing() {
    List<String> missing = new ArrayList<>();
    if (!researchOrPrivateStudy) {
      missing.add("researchOrPrivateStudy");
    }
    if (!notSuppliedBefore) {
      missing.add("notSuppliedBefore");
    }
    if (!notRelatedToOtherPerson) {
      missing.add("notRelatedToOtherPerson");
    }
    if (!noRedistribution) {
      missing.add("noRedistribution");
    }
    return missing;
  }
}

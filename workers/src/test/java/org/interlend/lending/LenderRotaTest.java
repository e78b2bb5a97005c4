package org.interlend.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.interlend.lending.RequestabilityTest.copies;

import java.util.List;
import org.junit.jupiter.api.Test;

class LenderRotaTest {

  @Test
  void candidatesAreTheOtherLibrariesWithAnAvailableLoanableCopy() {
    var items =
        copies(
            "lingnan:BOOK:GENERAL:AVAILABLE",
            "cityu:BOOK:GENERAL:AVAILABLE",
            "hkbu:BOOK:GENERAL:CHECKED_OUT",
            "cuhk:BOOK:GENERAL:AVAILABLE",
            "hku:BOOK:REFERENCE:AVAILABLE",
            "eduhk:BOOK:GENERAL:AVAILABLE",
            "eduhk:BOOK:GENERAL:AVAILABLE");
    assertThat(LenderRota.candidates("cityu", items))
        .containsExactlyInAnyOrder("cuhk", "eduhk", "lingnan");
    assertThat(LenderRota.copyAt("eduhk", items))
        .hasValueSatisfying(i -> assertThat(i.libraryCode()).isEqualTo("eduhk"));
    assertThat(LenderRota.copyAt("hkbu", items)).isEmpty();
  }

  @Test
  void eachLibraryIsAskedOnceAndTheRotaEnds() {
    List<String> ordered = List.of("polyu", "hku");
    assertThat(LenderRota.next(ordered, List.of())).contains("polyu");
    assertThat(LenderRota.next(ordered, List.of("polyu"))).contains("hku");
    assertThat(LenderRota.next(ordered, List.of("hku", "polyu"))).isEmpty();
  }
}

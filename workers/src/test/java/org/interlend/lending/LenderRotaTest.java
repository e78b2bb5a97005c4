package org.interlend.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.interlend.lending.RequestabilityTest.copies;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LenderRotaTest {

  static final Map<String, Integer> RANK =
      Map.of("hku", 1, "cuhk", 2, "hkust", 3, "polyu", 4, "hkbu", 5, "eduhk", 6, "lingnan", 7, "cityu", 8);

  @Test
  void lendersAreAskedInRotaOrderWithoutTheHomeLibraryOrUnavailableCopies() {
    var items =
        copies(
            "lingnan:BOOK:GENERAL:AVAILABLE",
            "cityu:BOOK:GENERAL:AVAILABLE",
            "hkbu:BOOK:GENERAL:CHECKED_OUT",
            "cuhk:BOOK:GENERAL:AVAILABLE",
            "hku:BOOK:REFERENCE:AVAILABLE",
            "eduhk:BOOK:GENERAL:AVAILABLE",
            "eduhk:BOOK:GENERAL:AVAILABLE");
    assertThat(LenderRota.lenders("cityu", items, RANK)).containsExactly("cuhk", "eduhk", "lingnan");
  }

  @Test
  void eachLibraryIsAskedOnceAndTheRotaEnds() {
    var items = copies("hku:BOOK:GENERAL:AVAILABLE", "polyu:BOOK:GENERAL:AVAILABLE");
    assertThat(LenderRota.next("cityu", items, RANK, List.of())).contains("hku");
    assertThat(LenderRota.next("cityu", items, RANK, List.of("hku"))).contains("polyu");
    assertThat(LenderRota.next("cityu", items, RANK, List.of("hku", "polyu"))).isEmpty();
  }
}

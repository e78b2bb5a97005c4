package org.interlend.lending;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.interlend.catalogue.Item;
import org.interlend.lending.Requestability.Refusal;
import org.junit.jupiter.api.Test;

class RequestabilityTest {

  private static long ids = 1;

  /** "library:FORMAT:COLLECTION:STATUS[:nfl]" */
  static List<Item> copies(String... specs) {
    List<Item> items = new ArrayList<>();
    for (String spec : specs) {
      String[] p = spec.split(":");
      items.add(new Item(ids++, 1, p[0], "B" + ids, p[1], p[2], p[3], p.length > 4, null));
    }
    return items;
  }

  @Test
  void anAvailableCopyElsewhereIsRequestable() {
    var v =
        Requestability.judge(
            "cityu", copies("cityu:BOOK:GENERAL:CHECKED_OUT", "hkust:BOOK:GENERAL:AVAILABLE"));
    assertThat(v.requestable()).isTrue();
    assertThat(v.reason()).isNull();
  }

  @Test
  void anAvailableLoanableCopyAtHomeIsBorrowedAtHome() {
    assertThat(
            Requestability.judge(
                    "cityu", copies("cityu:BOOK:GENERAL:AVAILABLE", "hku:BOOK:GENERAL:AVAILABLE"))
                .refusal())
        .isEqualTo(Refusal.AVAILABLE_AT_HOME);
  }

  @Test
  void aHomeCopyThatCannotBeBorrowedDoesNotStopTheRequest() {
    assertThat(
            Requestability.judge(
                    "cityu", copies("cityu:BOOK:REFERENCE:AVAILABLE", "hku:BOOK:GENERAL:AVAILABLE"))
                .requestable())
        .isTrue();
  }

  @Test
  void nonLoanableFormatsCollectionsAndFlagsAreRefused() {
    assertThat(
            Requestability.judge(
                    "cityu", copies("hku:EBOOK:GENERAL:AVAILABLE", "hkbu:DVD:GENERAL:AVAILABLE"))
                .refusal())
        .isEqualTo(Refusal.NON_LOANABLE);
    assertThat(
            Requestability.judge(
                    "cityu",
                    copies("cuhk:BOOK:REFERENCE:AVAILABLE", "hku:BOOK:COURSE_READINGS:AVAILABLE"))
                .refusal())
        .isEqualTo(Refusal.NON_LOANABLE);
    assertThat(
            Requestability.judge("cityu", copies("hku:BOOK:SPECIAL_COLLECTIONS:AVAILABLE:nfl"))
                .refusal())
        .isEqualTo(Refusal.NON_LOANABLE);
  }

  @Test
  void allLoanableCopiesOutIsRefused() {
    assertThat(
            Requestability.judge(
                    "cityu",
                    copies(
                        "hku:BOOK:GENERAL:CHECKED_OUT",
                        "polyu:BOOK:GENERAL:MISSING",
                        "hku:EBOOK:GENERAL:AVAILABLE"))
                .refusal())
        .isEqualTo(Refusal.ALL_OUT);
  }

  @Test
  void aTitleHeldOnlyAtHomeIsNotHeldElsewhere() {
    assertThat(Requestability.judge("cityu", copies("cityu:BOOK:GENERAL:CHECKED_OUT")).refusal())
        .isEqualTo(Refusal.NOT_HELD);
    assertThat(Requestability.judge("cityu", List.of()).refusal()).isEqualTo(Refusal.NOT_HELD);
  }
}

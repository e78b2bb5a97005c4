package org.interlend.lending.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.interlend.lending.rules.RotaRanking.Ask;
import org.interlend.lending.rules.RotaRanking.Performance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RotaRankingTest {

  static final Map<String, Integer> RANK = Map.of("hku", 1, "cuhk", 2, "polyu", 4);
  static final RotaRanking RANKING = new RotaRanking(RotaRanking.Weights.defaults());
  static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

  /**
   * 50 simulated requests, one every 12 hours, each asked of the first lender of the rota, which
   * answers after its current turnaround. For the first 25 HKU answers in 4 hours and CUHK in 3
   * days; then HKU slows to 4 days and CUHK speeds up to 4 hours. The first choice follows.
   */
  @Test
  void theOrderFollowsTheLendersTurnaroundOver50Requests() {
    List<Ask> asks = new ArrayList<>();
    List<String> firstChoice = new ArrayList<>();
    Map<String, Duration> turnaround =
        new HashMap<>(
            Map.of(
                "hku",
                Duration.ofHours(4),
                "cuhk",
                Duration.ofDays(3),
                "polyu",
                Duration.ofDays(2)));
    for (int n = 0; n < 50; n++) {
      Instant now = T0.plus(Duration.ofHours(12L * n));
      if (n == 25) {
        turnaround.put("hku", Duration.ofDays(4));
        turnaround.put("cuhk", Duration.ofHours(4));
      }
      List<Ask> known = asks.stream().map(a -> asOf(a, now)).toList();
      String lender =
          RANKING.order(List.of("hku", "cuhk", "polyu"), known, RANK, now).get(0).lender();
      firstChoice.add(lender);
      asks.add(new Ask(lender, now, now.plus(turnaround.get(lender)), true));
    }
    List<String> before = firstChoice.subList(5, 25);
    List<String> after = firstChoice.subList(40, 50);
    assertThat(before.stream().filter("hku"::equals).count())
        .as("HKU, the fast lender, first in requests 6-25: " + before)
        .isGreaterThanOrEqualTo(15);
    assertThat(after.stream().filter("cuhk"::equals).count())
        .as("CUHK, fast now, first in requests 41-50: " + after)
        .isGreaterThanOrEqualTo(8);
    assertThat(after).doesNotContain("hku");
  }

  /** An ask as it is known at {@code now}: not answered yet if the answer lies in the future. */
  static Ask asOf(Ask a, Instant now) {
    return a.answeredAt() != null && a.answeredAt().isAfter(now)
        ? new Ask(a.lender(), a.askedAt(), null, a.shipped())
        : a;
  }

  @Test
  void equalLendersShareTheWorkInsteadOfTheFirstRankAlwaysGoingFirst() {
    List<Ask> asks = new ArrayList<>();
    List<String> first = new ArrayList<>();
    for (int n = 0; n < 6; n++) {
      Instant now = T0.plus(Duration.ofMinutes(10L * n));
      String lender =
          RANKING.order(List.of("hku", "cuhk", "polyu"), asks, RANK, now).get(0).lender();
      first.add(lender);
      asks.add(new Ask(lender, now, null, false)); // all still open: load counts
    }
    assertThat(first).containsExactly("hku", "cuhk", "polyu", "hku", "cuhk", "polyu");
  }

  @ParameterizedTest(
      name = "{0} shipped of {1} answered, {2} h each, {3} open -> fill {4}, turnaround {5} d")
  @CsvSource({
    // no history: the prior (fill 0.8, 2 days)
    "0, 0, 0, 0, 0.8, 2.0",
    // 8 of 8 in 12 h: (8 + 1.6) / 10 = 0.96; (8 * 0.5 + 4) / 10 = 0.8 days
    "8, 8, 12, 0, 0.96, 0.8",
    // 0 of 3 in 48 h: 1.6 / 5 = 0.32; (6 + 4) / 5 = 2.0
    "0, 3, 48, 2, 0.32, 2.0"
  })
  void theFormula(int shipped, int answered, int hours, int open, double fill, double days) {
    List<Ask> asks = new ArrayList<>();
    for (int i = 0; i < answered; i++) {
      Instant at = T0.plus(Duration.ofDays(i));
      asks.add(new Ask("hku", at, at.plus(Duration.ofHours(hours)), i < shipped));
    }
    for (int i = 0; i < open; i++) {
      asks.add(new Ask("hku", T0.plus(Duration.ofDays(20)), null, false));
    }
    Performance p = RANKING.performance("hku", asks, T0.plus(Duration.ofDays(21)));
    assertThat(p.fillRate()).isCloseTo(fill, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(p.turnaroundDays()).isCloseTo(days, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(p.score())
        .isCloseTo(fill - 0.5 * days / 2 - 0.1 * open, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void asksOutsideTheWindowDoNotCount() {
    Ask old = new Ask("hku", T0, T0.plus(Duration.ofDays(9)), false);
    Performance p = RANKING.performance("hku", List.of(old), T0.plus(Duration.ofDays(181)));
    assertThat(p.answered()).isZero();
    assertThat(p.fillRate()).isEqualTo(0.8);
  }
}

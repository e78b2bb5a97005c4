package org.interlend.lending;

import org.interlend.lending.rules.RotaRanking;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code interlend.lending}: how long a lender's refusal keeps its copy out of the
 * rota, and the weights of the rota's ranking (docs/policies.md).
 *
 * @param notOnShelfDays a copy a lender could not find on its shelf counts as missing for this long
 * @param checkedOutDays a copy a lender said is checked out locally counts as out for this long
 *     (HKU's longest local loan period, 30 days)
 */
@ConfigurationProperties("interlend.lending")
public record LendingProperties(
    @DefaultValue("14") int notOnShelfDays,
    @DefaultValue("30") int checkedOutDays,
    @DefaultValue Rota rota) {

  public LendingProperties {
    if (notOnShelfDays < 1 || checkedOutDays < 1) {
      throw new IllegalArgumentException(
          "interlend.lending.not-on-shelf-days and checked-out-days must be at least 1");
    }
  }

  /** The rota weights ({@link RotaRanking.Weights}). */
  public record Rota(
      @DefaultValue("20") int windowAsks,
      @DefaultValue("180") int windowDays,
      @DefaultValue("0.8") double priorFillRate,
      @DefaultValue("2") double priorWeight,
      @DefaultValue("2") double targetDays,
      @DefaultValue("1.0") double weightFill,
      @DefaultValue("0.5") double weightTurnaround,
      @DefaultValue("0.1") double weightLoad) {

    public RotaRanking.Weights weights() {
      return new RotaRanking.Weights(
          windowAsks,
          windowDays,
          priorFillRate,
          priorWeight,
          targetDays,
          weightFill,
          weightTurnaround,
          weightLoad);
    }
  }
}

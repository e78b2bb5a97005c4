package org.interlend.lending.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Orders the lender rota by how well each lender has served recently, instead of a fixed rank.
 *
 * <p>For each candidate lender, over its most recent asks ({@link Weights#windowAsks()} at most,
 * none older than {@link Weights#windowDays()}):
 *
 * <pre>
 * fillRate   = (shipped + priorWeight × priorFillRate) / (answered + priorWeight)
 * turnaround = (Σ days from ask to answer + priorWeight × targetDays) / (answered + priorWeight)
 * load       = asks still open now
 * score      = weightFill × fillRate − weightTurnaround × turnaround / targetDays − weightLoad × load
 * </pre>
 *
 * <p>"Answered" counts shipments, refusals and asks that timed out (a late lender's turnaround is
 * the time until the request moved on, and it did not fill). The prior (an imagined {@code
 * priorWeight} asks at {@code priorFillRate} and {@code targetDays}) keeps a lender with little
 * history from jumping to the top or bottom on one answer. The higher score asks first; ties go to
 * the lender asked least in the window, then to the consortium's fixed rank, so that equal lenders
 * share the work.
 */
public final class RotaRanking {

  /** What a lender did with one ask; {@code answeredAt} is null while it is open. */
  public record Ask(String lender, Instant askedAt, Instant answeredAt, boolean shipped) {
    public Ask {
      Objects.requireNonNull(lender, "lender");
      Objects.requireNonNull(askedAt, "askedAt");
    }

    boolean open() {
      return answeredAt == null;
    }
  }

  /**
   * The tunable numbers of the formula (settings {@code interlend.lending.rota.*}).
   *
   * @param windowAsks most recent asks per lender that count
   * @param windowDays asks older than this do not count
   * @param priorFillRate fill rate assumed before a lender has history
   * @param priorWeight how many imagined asks the prior weighs
   * @param targetDays the turnaround a lender is expected to keep (days from ask to answer)
   * @param weightFill weight of the fill rate
   * @param weightTurnaround weight of the turnaround (relative to the target)
   * @param weightLoad weight of each open ask
   */
  public record Weights(
      int windowAsks,
      int windowDays,
      double priorFillRate,
      double priorWeight,
      double targetDays,
      double weightFill,
      double weightTurnaround,
      double weightLoad) {

    public Weights {
      if (windowAsks < 1 || windowDays < 1 || priorWeight < 0 || targetDays <= 0) {
        throw new IllegalArgumentException("rota weights: window and target must be positive");
      }
      if (priorFillRate < 0 || priorFillRate > 1) {
        throw new IllegalArgumentException("rota weights: priorFillRate must be within 0..1");
      }
    }

    /** The documented defaults (docs/policies.md). */
    public static Weights defaults() {
      return new Weights(20, 180, 0.8, 2, 2, 1.0, 0.5, 0.1);
    }
  }

  /** One lender's figures and score. */
  public record Performance(
      String lender,
      int asks,
      int answered,
      int shipped,
      int open,
      double fillRate,
      double turnaroundDays,
      double score) {}

  private final Weights weights;

  public RotaRanking(Weights weights) {
    this.weights = Objects.requireNonNull(weights, "weights");
  }

  /** The figures of one lender from its asks (any order), as of {@code now}. */
  public Performance performance(String lender, Collection<Ask> asks, Instant now) {
    Instant since = now.minus(Duration.ofDays(weights.windowDays()));
    List<Ask> recent =
        asks.stream()
            .filter(a -> a.lender().equals(lender) && !a.askedAt().isBefore(since))
            .sorted(Comparator.comparing(Ask::askedAt).reversed())
            .limit(weights.windowAsks())
            .toList();
    int open = (int) asks.stream().filter(a -> a.lender().equals(lender) && a.open()).count();
    int answered = 0;
    int shipped = 0;
    double days = 0;
    for (Ask a : recent) {
      if (a.open()) {
        continue;
      }
      answered++;
      shipped += a.shipped() ? 1 : 0;
      days += Math.max(0, Duration.between(a.askedAt(), a.answeredAt()).toMinutes()) / 1440.0;
    }
    double w = weights.priorWeight();
    double fill = (shipped + w * weights.priorFillRate()) / (answered + w == 0 ? 1 : answered + w);
    double turnaround = (days + w * weights.targetDays()) / (answered + w == 0 ? 1 : answered + w);
    double score =
        weights.weightFill() * fill
            - weights.weightTurnaround() * turnaround / weights.targetDays()
            - weights.weightLoad() * open;
    return new Performance(lender, recent.size(), answered, shipped, open, fill, turnaround, score);
  }

  /**
   * The candidate lenders in the order they are asked.
   *
   * @param rotaRank the consortium's fixed rank (last tie-break; lower first)
   */
  public List<Performance> order(
      Collection<String> candidates,
      Collection<Ask> asks,
      Map<String, Integer> rotaRank,
      Instant now) {
    List<Performance> ranked = new ArrayList<>();
    for (String lender : candidates) {
      ranked.add(performance(lender, asks, now));
    }
    ranked.sort(
        Comparator.comparingDouble(Performance::score)
            .reversed()
            .thenComparingInt(Performance::asks)
            .thenComparingInt(p -> rotaRank.getOrDefault(p.lender(), Integer.MAX_VALUE)));
    return ranked;
  }
}

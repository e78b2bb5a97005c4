package org.interlend.lending.lifecycle;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.interlend.requests.RequestMessages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Asks a running {@code loan-lifecycle} to act on a loan: renew, recall, check in. The process is
 * the one writer of the loan; these methods publish the message (correlation key = request id) and
 * wait briefly until the process has acted, so that a patron or the counter gets the answer at
 * once. If the process has not answered within the wait, the answer is "pending": the message stays
 * buffered and the process acts on it when it can.
 */
@Service
public class LoanDesk {

  public static final String RENEW = "loan-renew";
  public static final String RECALL = "loan-recall";
  public static final String RETURNED = "item-returned";
  public static final String LOST = "item-lost";

  private final RequestMessages messages;
  private final Loans loans;
  private final Duration wait;

  public LoanDesk(
      RequestMessages messages,
      Loans loans,
      @Value("${interlend.loans.answer-wait:10s}") Duration wait) {
    this.messages = messages;
    this.loans = loans;
    this.wait = wait;
  }

  /**
   * Asks the process to renew the loan and waits for its decision.
   *
   * @return the decision, or empty if the process has not decided within the wait
   */
  public Optional<Renewal> renew(String requestId) {
    return renew(requestId, wait);
  }

  /** {@link #renew(String)}, waiting at most {@code wait}. */
  public Optional<Renewal> renew(String requestId, Duration wait) {
    String renewalId = UUID.randomUUID().toString();
    publish(RENEW, requestId, renewalId, Map.of("renewalId", renewalId));
    return await(() -> loans.findRenewal(renewalId), Optional::isPresent, wait).flatMap(r -> r);
  }

  /**
   * Tells the process the lender recalled the item and waits until the recall is applied.
   *
   * @return the loan after the recall, or empty if not applied within the wait
   */
  public Optional<PatronLoan> recall(String requestId, String recalledBy) {
    return recall(requestId, recalledBy, wait);
  }

  /** {@link #recall(String, String)}, waiting at most {@code wait}. */
  public Optional<PatronLoan> recall(String requestId, String recalledBy, Duration wait) {
    publish(RECALL, requestId, "recall:" + requestId, Map.of("recalledBy", recalledBy));
    return await(() -> loans.get(requestId), PatronLoan::recalled, wait);
  }

  /**
   * Tells the process the item was returned at the counter and waits until the return (and any
   * fine) is recorded.
   *
   * @return the returned loan, or empty if not recorded within the wait
   */
  public Optional<PatronLoan> checkIn(String requestId, String checkedInBy) {
    return checkIn(requestId, checkedInBy, wait);
  }

  /** {@link #checkIn(String, String)}, waiting at most {@code wait}. */
  public Optional<PatronLoan> checkIn(String requestId, String checkedInBy, Duration wait) {
    publish(RETURNED, requestId, "returned:" + requestId, Map.of("checkedInBy", checkedInBy));
    return await(() -> loans.get(requestId), l -> l.returnedAt() != null, wait);
  }

  /** Reports the item lost or damaged: the lender's staff get a task to record it. */
  public void reportLoss(String requestId, String reportedBy) {
    publish(LOST, requestId, "lost:" + requestId, Map.of("lossReportedBy", reportedBy));
  }

  /** What was reported at the counter. */
  public enum LossKind {
    /** Not returned. */
    LOST,
    /** Returned damaged beyond use: not lost. */
    DAMAGED
  }

  /**
   * Reports the item lost or damaged, with what the counter saw: the lender's staff get the task
   * "Record loss or damage" with the reported kind ({@code lossKind}) already chosen and the note.
   */
  public void reportLoss(String requestId, String reportedBy, LossKind kind, String note) {
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("lossReportedBy", reportedBy);
    variables.put("lossKind", kind.name());
    variables.put("lossReportNote", note == null || note.isBlank() ? null : note.strip());
    publish(LOST, requestId, "lost:" + requestId, variables);
  }

  /**
   * Publishes once per message id: the same recall or check-in sent twice while the first is still
   * buffered is the same message, which the engine refuses as a duplicate; that is not an error.
   */
  private void publish(
      String message, String requestId, String messageId, Map<String, Object> vars) {
    messages.publish(message, requestId, messageId, vars);
  }

  private static <T> Optional<T> await(Supplier<T> read, Predicate<T> done, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      T value = read.get();
      if (done.test(value)) {
        return Optional.of(value);
      }
      if (System.nanoTime() > deadline) {
        return Optional.empty();
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
  }
}

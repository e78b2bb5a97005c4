package org.interlend.lending.lifecycle;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One renewal decision on a loan.
 *
 * @param renewalId the id the requester gave (the API's), or null
 * @param reason why it was refused ({@link org.interlend.lending.rules.RenewalDecision.Reason}),
 *     null when granted
 * @param message for the patron: the new due date when granted, why not when refused
 * @param dueAfter the due date after the decision (= dueBefore when refused)
 */
public record Renewal(
    String requestId,
    String renewalId,
    Instant requestedAt,
    boolean granted,
    String reason,
    String message,
    LocalDate dueBefore,
    LocalDate dueAfter) {}

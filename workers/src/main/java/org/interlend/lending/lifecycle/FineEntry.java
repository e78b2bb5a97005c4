package org.interlend.lending.lifecycle;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One charge in a patron's fines ledger, in Hong Kong dollars.
 *
 * @param kind OVERDUE, REPLACEMENT or PROCESSING_FEE; a loan has at most one of each
 */
public record FineEntry(
    long id,
    String patronId,
    String requestId,
    String kind,
    BigDecimal amount,
    String description,
    Instant chargedAt) {}

package org.interlend.lending;

import java.time.Instant;
import java.time.LocalDate;

/** The physical side of an HKALL request: the title, the lender, the copy, and the hand-overs. */
public record PhysicalLoan(
    String requestId,
    long bibId,
    String homeLibrary,
    String lenderCode,
    Long itemId,
    Instant shippedAt,
    Instant receivedAt,
    LocalDate pickupBy,
    Instant checkedOutAt,
    Integer loanDays,
    Instant backAtLenderAt) {}

package org.interlend.libraries;

import java.math.BigDecimal;

/** A consortium library, with the candidate group of its interlibrary-loan staff. */
public record Library(
    String code,
    String name,
    String nameZh,
    String staffGroup,
    int rotaRank,
    boolean allowsRenewal,
    BigDecimal replacementCharge,
    BigDecimal processingFee) {}

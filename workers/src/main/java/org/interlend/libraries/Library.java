package org.interlend.libraries;

import java.math.BigDecimal;

/**
 * A consortium library, with the candidate group of its interlibrary-loan staff and the addresses
 * where its staff and its managers read reminders and escalations.
 *
 * @param rotaRank the consortium's fixed order, the last tie-break of the lender rota
 */
public record Library(
    String code,
    String name,
    String nameZh,
    String staffGroup,
    int rotaRank,
    boolean allowsRenewal,
    BigDecimal replacementCharge,
    BigDecimal processingFee,
    String staffEmail,
    String managersEmail) {}

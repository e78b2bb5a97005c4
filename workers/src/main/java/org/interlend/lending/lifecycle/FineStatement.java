package org.interlend.lending.lifecycle;

import java.math.BigDecimal;
import java.util.List;

/** What a patron owes: every ledger entry, oldest first, and their total in HK$. */
public record FineStatement(String patronId, BigDecimal total, List<FineEntry> entries) {}

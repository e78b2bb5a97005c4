/**
 * Plain-Java HKALL loan rules: due dates, renewals, recalls and overdue fines.
 *
 * <p>No Spring and no engine types: the loan-lifecycle workers load a {@link
 * org.interlend.lending.rules.Loan} snapshot, ask a rule for a decision and persist the new
 * snapshot the rule returns. Every type here is immutable and thread-safe.
 *
 * <h2>Conventions used throughout</h2>
 *
 * <ul>
 *   <li><b>Calendar days are Hong Kong days.</b> Every instant is turned into a date in {@link
 *       org.interlend.lending.rules.LoanCalendar#ZONE} (Asia/Hong_Kong) before any day is counted,
 *       whatever the server's default time zone.
 *   <li><b>A due date is a {@link java.time.LocalDate}.</b> The item may be kept for the whole of
 *       that day; it becomes overdue at the start of the next Hong Kong day ({@link
 *       org.interlend.lending.rules.Loan#dueInstant()}).
 *   <li><b>Money is {@link java.math.BigDecimal} in Hong Kong dollars with scale 2.</b>
 * </ul>
 *
 * <p>Default numbers (see {@link org.interlend.lending.rules.LoanPolicy#hkall(int)}) come from the
 * CityU and HKU HKALL borrowing pages: loan periods of 15 or 30 calendar days by patron category,
 * two renewals within 7 calendar days of the due date, no renewal after a recall, a minimum use
 * period of 15 calendar days on recall, and fines of HK$2.00 (HK$4.00 when recalled) per item per
 * calendar day.
 */
@org.springframework.modulith.NamedInterface("rules")
package org.interlend.lending.rules;

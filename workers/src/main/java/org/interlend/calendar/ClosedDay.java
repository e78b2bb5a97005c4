package org.interlend.calendar;

import java.time.LocalDate;

/** A day a library is closed, with why (e.g. "Lunar New Year's Day"). */
public record ClosedDay(String libraryCode, LocalDate day, String reason) {}

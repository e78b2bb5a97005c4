package org.interlend.requests;

import java.time.Instant;

/** One line of a request's history: what it became, when, and who did it. */
public record StatusChange(RequestStatus status, String actor, String note, Instant at) {}

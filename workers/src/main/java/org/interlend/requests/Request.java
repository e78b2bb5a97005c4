package org.interlend.requests;

import java.time.Instant;

/** A patron's request of any kind; its id is the correlation key of every message about it. */
public record Request(
    String id,
    String kind,
    String patronId,
    String title,
    RequestStatus status,
    Long processInstanceKey,
    boolean quotaHeld,
    Instant createdAt,
    Instant updatedAt) {}

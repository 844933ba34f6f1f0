package dev.docket.ports;

import java.time.Instant;
import java.util.UUID;

/** Scope of job statistics; null means "any". {@code since} is on {@code created_at}. */
public record StatsQuery(UUID ownerId, String queue, Instant since) {}

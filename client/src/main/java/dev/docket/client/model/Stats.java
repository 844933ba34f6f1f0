package dev.docket.client.model;

import java.util.Map;

/**
 * Job counts and durations. Every status is present in every count map; the ratios and durations
 * are null when no job has finished.
 */
public record Stats(
    Map<String, Long> byStatus,
    Map<String, Map<String, Long>> byQueue,
    Double successRate,
    Double avgDurationSeconds,
    Double p95DurationSeconds) {}

package dev.docket.ports;

import dev.docket.domain.JobStatus;
import java.util.Map;

/**
 * Counts by status (every status present) and by queue; {@code successRate} is succeeded /
 * (succeeded + failed); durations run from {@code started_at} to {@code finished_at} of succeeded
 * and failed jobs. Each of the three is null when there is nothing to measure.
 */
public record JobStats(
    Map<JobStatus, Long> byStatus,
    Map<String, Map<JobStatus, Long>> byQueue,
    Double successRate,
    Double avgDurationSeconds,
    Double p95DurationSeconds) {}

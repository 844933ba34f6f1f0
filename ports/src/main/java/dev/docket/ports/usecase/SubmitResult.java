package dev.docket.ports.usecase;

import dev.docket.domain.Job;

/** A submitted job, and whether this call created it (false: an idempotent replay). */
public record SubmitResult(Job job, boolean created) {}

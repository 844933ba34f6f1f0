package dev.docket.adapter.http.jobs;

import dev.docket.adapter.http.wire.Bodies;
import dev.docket.domain.FieldError;
import dev.docket.domain.JobSpec;
import dev.docket.domain.ValidationException;
import java.util.ArrayList;
import java.util.List;

/** Turns submit bodies into the core's {@link JobSpec}, JSON values as normalized text. */
final class JobSpecs {
  private JobSpecs() {}

  /**
   * @param headerKey the {@code Idempotency-Key} header, or null; it must agree with the body's
   *     {@code idempotency_key} when both are given
   */
  static JobSpec of(JobRequest r, String headerKey, Bodies bodies) {
    String key = r.idempotencyKey();
    if (headerKey != null && key != null && !headerKey.equals(key)) {
      throw ValidationException.of(
          "idempotency_key", "differs from the Idempotency-Key header; send one of them");
    }
    return spec(r, key != null ? key : headerKey, bodies);
  }

  static List<JobSpec> batch(BatchRequest b, Bodies bodies) {
    if (b.jobs() == null) {
      throw ValidationException.of("jobs", "is required");
    }
    List<FieldError> nulls = new ArrayList<>();
    List<JobSpec> specs = new ArrayList<>(b.jobs().size());
    for (int i = 0; i < b.jobs().size(); i++) {
      JobRequest r = b.jobs().get(i);
      if (r == null) {
        nulls.add(new FieldError("jobs[" + i + "]", "must be an object"));
      } else {
        specs.add(spec(r, r.idempotencyKey(), bodies));
      }
    }
    if (!nulls.isEmpty()) {
      throw new ValidationException(nulls);
    }
    return specs;
  }

  private static JobSpec spec(JobRequest r, String key, Bodies bodies) {
    // an explicit "metadata": null means no metadata; payload may be any JSON, null included
    String metadata =
        r.metadata() == null || r.metadata().isNull() ? null : bodies.text(r.metadata());
    return new JobSpec(
        r.kind(),
        r.queue(),
        bodies.text(r.payload()),
        metadata,
        r.priority(),
        r.runAt(),
        r.maxAttempts(),
        key,
        r.webhookUrl());
  }
}

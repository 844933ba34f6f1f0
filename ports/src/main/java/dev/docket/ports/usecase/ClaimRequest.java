package dev.docket.ports.usecase;

import dev.docket.domain.FieldError;
import dev.docket.domain.Lease;
import dev.docket.domain.Rules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A worker's claim: nulls take the contract's defaults (limit 1, lease 60 s, no wait).
 *
 * @param waitSeconds how long to wait for a claimable job (long-poll), 0 to 30
 */
public record ClaimRequest(
    String queue,
    String workerId,
    Integer limit,
    Integer leaseSeconds,
    List<String> kinds,
    String preferKind,
    Integer waitSeconds) {

  public int limitOrDefault() {
    return limit == null ? 1 : limit;
  }

  public Duration lease() {
    return leaseSeconds == null ? Lease.DEFAULT : Duration.ofSeconds(leaseSeconds);
  }

  public Duration waitTime() {
    return Duration.ofSeconds(waitSeconds == null ? 0 : waitSeconds);
  }

  List<FieldError> validate() {
    List<FieldError> errors = new ArrayList<>();
    Rules.queue("queue", queue, errors);
    if (workerId == null || workerId.isBlank()) {
      errors.add(new FieldError("worker_id", "is required"));
    } else if (workerId.length() > Rules.WORKER_ID_MAX) {
      errors.add(
          new FieldError("worker_id", "must be at most " + Rules.WORKER_ID_MAX + " characters"));
    }
    Rules.range("limit", limitOrDefault(), 1, Rules.CLAIM_LIMIT_MAX, errors);
    if (leaseSeconds != null) {
      Rules.range(
          "lease_seconds", leaseSeconds, Lease.MIN.toSeconds(), Lease.MAX.toSeconds(), errors);
    }
    if (waitSeconds != null) {
      Rules.range("wait_seconds", waitSeconds, 0, 30, errors);
    }
    if (kinds != null) {
      for (int i = 0; i < kinds.size(); i++) {
        Rules.kind("kinds[" + i + "]", kinds.get(i), errors);
      }
    }
    if (preferKind != null) {
      Rules.kind("prefer_kind", preferKind, errors);
    }
    return errors;
  }
}

package dev.docket.adapter.http.worker;

import java.util.List;

/** A claim; nulls take the contract defaults. */
record ClaimBody(
    String workerId,
    Integer limit,
    Integer leaseSeconds,
    List<String> kinds,
    String preferKind,
    Integer waitSeconds) {}

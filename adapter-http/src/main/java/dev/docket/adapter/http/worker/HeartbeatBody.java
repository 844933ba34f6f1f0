package dev.docket.adapter.http.worker;

/** A heartbeat: the lease token, and optionally progress and a new lease length. */
record HeartbeatBody(String leaseToken, Double progress, Integer leaseSeconds) {}

package dev.docket.client.model;

/** The seqs the server gave to an appended batch of events. */
public record AppendResult(long firstSeq, long lastSeq) {}

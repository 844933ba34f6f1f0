package dev.docket.client;

/** The seqs the server gave to an appended batch of events. */
public record AppendResult(long firstSeq, long lastSeq) {}

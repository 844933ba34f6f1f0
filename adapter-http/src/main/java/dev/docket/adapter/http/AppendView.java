package dev.docket.adapter.http;

/** The seqs given to an appended batch of events. */
record AppendView(long firstSeq, long lastSeq) {}

package dev.docket.adapter.http.events;

/** The seqs given to an appended batch of events. */
record AppendView(long firstSeq, long lastSeq) {}

package dev.docket.client;

/** What a prune deleted. */
public record PruneResult(long jobs, long events, long artifacts) {}

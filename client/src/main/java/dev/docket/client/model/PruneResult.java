package dev.docket.client.model;

/** What a prune deleted. */
public record PruneResult(long jobs, long events, long artifacts) {}

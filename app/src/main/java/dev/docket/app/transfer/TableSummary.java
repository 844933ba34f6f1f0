package dev.docket.app.transfer;

/** How many records of one table, and the SHA-256 (hex) of their canonical lines in order. */
public record TableSummary(long rows, String sha256) {}

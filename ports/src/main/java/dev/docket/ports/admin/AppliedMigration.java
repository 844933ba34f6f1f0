package dev.docket.ports.admin;

/**
 * One row of a database's migration history.
 *
 * @param version e.g. {@code 3}; null for a baseline or repeatable entry
 * @param description what the migration does, as its file names it
 * @param success false when it failed half-way
 */
public record AppliedMigration(String version, String description, boolean success) {}

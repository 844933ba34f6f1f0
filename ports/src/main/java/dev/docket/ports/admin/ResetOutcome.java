package dev.docket.ports.admin;

/**
 * What a reset did.
 *
 * @param detail one line for a person, e.g. {@code emptied 9 tables (the schema stays)}
 * @param tablesEmptied how many tables were emptied in place; 0 when the database was deleted or
 *     there was nothing to delete
 */
public record ResetOutcome(String detail, int tablesEmptied) {}

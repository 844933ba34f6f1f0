package dev.docket.ports.admin;

import java.util.List;

/**
 * What an integrity check found.
 *
 * @param detail what was checked, e.g. {@code integrity_check ok}
 * @param problems one line each; empty when the database is healthy
 */
public record IntegrityReport(
    String backend, String location, SchemaVersion schema, String detail, List<String> problems) {
  public IntegrityReport {
    problems = List.copyOf(problems);
  }

  public boolean ok() {
    return problems.isEmpty();
  }
}

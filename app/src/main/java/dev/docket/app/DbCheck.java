package dev.docket.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code docket db check} found.
 *
 * @param problems empty when the database is healthy
 * @param detail what was checked, e.g. {@code integrity_check ok}
 */
record DbCheck(
    String backend, String location, SchemaVersion schema, String detail, List<String> problems) {
  DbCheck {
    problems = List.copyOf(problems);
  }

  boolean ok() {
    return problems.isEmpty();
  }

  Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ok", ok());
    m.put("backend", backend);
    m.put("location", location);
    m.put("schema_version", schema.applied());
    m.put("supported_schema_version", schema.supported());
    m.put("detail", detail);
    m.put("problems", problems);
    return m;
  }
}

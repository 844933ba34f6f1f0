package dev.docket.app.db;

import dev.docket.ports.admin.DatabaseInfo;
import dev.docket.ports.admin.IntegrityReport;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes of {@code db info} and {@code db check}. */
final class DbJson {
  private DbJson() {}

  static Map<String, Object> info(DatabaseInfo info) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("backend", info.backend());
    m.put("location", info.location());
    m.put("schema_version", info.schema().applied());
    m.put("supported_schema_version", info.schema().supported());
    m.put("size_bytes", info.sizeBytes());
    m.put("server_version", info.serverVersion());
    m.put("journal_mode", info.journalMode());
    m.put("row_counts", info.rowCounts());
    return m;
  }

  static Map<String, Object> check(IntegrityReport check) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ok", check.ok());
    m.put("backend", check.backend());
    m.put("location", check.location());
    m.put("schema_version", check.schema().applied());
    m.put("supported_schema_version", check.schema().supported());
    m.put("detail", check.detail());
    m.put("problems", check.problems());
    return m;
  }
}

package dev.docket.ports.transfer;

/**
 * The tables a whole-store transfer moves, in dependency order: a record of a later table may refer
 * to rows of an earlier one, never the other way round. {@link #tableName()} is the table's name in
 * every backend, {@link #type()} the record type of the export format.
 */
public enum TransferTable {
  USERS("users", "user"),
  API_KEYS("api_keys", "key"),
  JOBS("jobs", "job"),
  JOB_EVENTS("job_events", "event"),
  ARTIFACTS("artifacts", "artifact"),
  ARTIFACT_CHUNKS("artifact_chunks", "chunk"),
  AUDIT_LOG("audit_log", "audit"),
  WEBHOOK_DELIVERIES("webhook_deliveries", "webhook"),
  SETTINGS("settings", "setting");

  private final String tableName;
  private final String type;

  TransferTable(String tableName, String type) {
    this.tableName = tableName;
    this.type = type;
  }

  public String tableName() {
    return tableName;
  }

  public String type() {
    return type;
  }

  /**
   * The table whose records have {@code type}.
   *
   * @throws IllegalArgumentException when no table has it
   */
  public static TransferTable ofType(String type) {
    for (TransferTable t : values()) {
      if (t.type.equals(type)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown record type '" + type + "'");
  }
}

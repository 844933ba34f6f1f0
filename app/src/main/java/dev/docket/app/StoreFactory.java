package dev.docket.app;

/**
 * Reads {@code --db}: {@code sqlite:PATH} or a JDBC PostgreSQL URL. Anything else is a usage error
 * that names the accepted forms.
 */
final class StoreFactory {
  private static final String SQLITE = "sqlite:";
  private static final String POSTGRES = "jdbc:postgresql:";

  private StoreFactory() {}

  static Database parse(String db) {
    if (db == null || db.isBlank()) {
      throw usage("--db is empty");
    }
    String value = db.strip();
    if (value.startsWith(SQLITE)) {
      String path = value.substring(SQLITE.length());
      if (path.isBlank()) {
        throw usage("--db sqlite: needs a file path");
      }
      return new SqliteDatabase(path);
    }
    if (value.startsWith(POSTGRES)) {
      return new PostgresDatabase(value);
    }
    throw usage("--db '" + PostgresDatabase.redact(value) + "' is not a database URL");
  }

  private static UsageException usage(String what) {
    return new UsageException(
        what
            + "; use sqlite:PATH (e.g. sqlite:./data/docket.db)"
            + " or jdbc:postgresql://HOST:PORT/DB?user=USER");
  }
}

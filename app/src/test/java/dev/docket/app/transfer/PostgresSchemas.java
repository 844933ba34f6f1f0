package dev.docket.app.transfer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Throwaway schemas on the test PostgreSQL ({@code DOCKET_TEST_POSTGRES_URL}, else the local server
 * as {@code postgres}), each named by the {@code currentSchema} of the URL a test hands to {@code
 * --db}, as the other command-line tests do; dropped by {@link #dropAll()}.
 */
final class PostgresSchemas {
  static final String SERVER =
      System.getenv()
          .getOrDefault(
              "DOCKET_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  private final List<String> created = new ArrayList<>();

  /** The {@code --db} URL of a new, not yet created schema. */
  String newUrl() {
    byte[] b = new byte[6];
    ThreadLocalRandom.current().nextBytes(b);
    String schema = "xfer_" + HexFormat.of().formatHex(b);
    created.add(schema);
    return SERVER + (SERVER.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  void dropAll() throws Exception {
    try (Connection c = DriverManager.getConnection(SERVER);
        Statement s = c.createStatement()) {
      for (String schema : created) {
        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
    created.clear();
  }
}

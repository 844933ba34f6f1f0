package dev.docket.app.cli;

import dev.docket.adapter.postgres.PostgresOptions;
import dev.docket.adapter.postgres.PostgresStore;
import dev.docket.ports.Store;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A real PostgreSQL ({@code DOCKET_TEST_POSTGRES_URL}, else the local server as {@code postgres}),
 * each test in a throwaway schema named by {@code currentSchema}, as {@code PostgresCliTest} does.
 */
final class PostgresBackend implements Backend {
  static final String SERVER =
      System.getenv()
          .getOrDefault(
              "DOCKET_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  private String schema;

  @Override
  public String create() {
    byte[] b = new byte[6];
    ThreadLocalRandom.current().nextBytes(b);
    schema = "cli_" + HexFormat.of().formatHex(b);
    return SERVER + (SERVER.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  String schema() {
    return schema;
  }

  @Override
  public Store open(String db) {
    return PostgresStore.open(db, PostgresOptions.defaults().withSchema(schema));
  }

  @Override
  public void drop() throws Exception {
    sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  static void sql(String statement) throws Exception {
    try (Connection c = DriverManager.getConnection(SERVER);
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  @Override
  public String name() {
    return "postgresql";
  }
}

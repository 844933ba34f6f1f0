package dev.docket.adapter.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * A real PostgreSQL for tests, never skipped: {@code DOCKET_TEST_POSTGRES_URL} when set (CI and
 * developer machines with a local server), else a Testcontainers container when Docker is
 * available, else an embedded server (zonky). The server is started once per JVM.
 *
 * <p>Registered as a static extension, it gives its test class a schema of its own ({@code
 * t_<random>}, dropped after the class), and {@link #openStore()} returns a store on it with every
 * table emptied. The store's sessions run in a non-UTC time zone so that any instant that drifts
 * through a local-time conversion shows up.
 */
public final class PostgresFixture implements BeforeAllCallback, AfterAllCallback {
  /** Far from UTC, with a half-hour offset: a conversion that drops the zone cannot hide. */
  public static final String SESSION_TIME_ZONE = "Asia/Kolkata";

  private static String serverUrl;

  private String schema;
  private Connection admin;

  /** The JDBC URL of the test server (with credentials), starting it on first use. */
  public static synchronized String serverUrl() {
    if (serverUrl == null) {
      serverUrl = startServer();
    }
    return serverUrl;
  }

  private static String startServer() {
    String fromEnv = System.getenv("DOCKET_TEST_POSTGRES_URL");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv;
    }
    if (DockerClientFactory.instance().isDockerAvailable()) {
      PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:16-alpine");
      container.start(); // stopped by Testcontainers when the JVM exits
      return container.getJdbcUrl()
          + "&user="
          + container.getUsername()
          + "&password="
          + container.getPassword();
    }
    try {
      EmbeddedPostgres embedded = EmbeddedPostgres.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(embedded)));
      return embedded.getJdbcUrl("postgres", "postgres");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start an embedded PostgreSQL", e);
    }
  }

  private static void closeQuietly(EmbeddedPostgres embedded) {
    try {
      embedded.close();
    } catch (IOException e) {
      // the JVM is exiting anyway
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) throws SQLException {
    schema = newSchemaName();
    admin = connect();
  }

  @Override
  public void afterAll(ExtensionContext context) throws SQLException {
    try (Statement s = admin.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } finally {
      admin.close();
    }
  }

  /** A fresh schema name, not yet created. */
  public static String newSchemaName() {
    byte[] b = new byte[6];
    ThreadLocalRandom.current().nextBytes(b);
    return "t_" + HexFormat.of().formatHex(b);
  }

  /** A plain connection to the test server, outside any store; the caller closes it. */
  public static Connection connect() throws SQLException {
    return DriverManager.getConnection(serverUrl());
  }

  /** The schema of this test class. */
  public String schema() {
    return schema;
  }

  /** Options for a store on this class's schema, in the non-UTC session time zone. */
  public PostgresOptions options() {
    return PostgresOptions.defaults().withSchema(schema).withSessionTimeZone(SESSION_TIME_ZONE);
  }

  /** A migrated store on this class's schema with every table empty. */
  public PostgresStore openStore() {
    PostgresStore store = PostgresStore.open(serverUrl(), options());
    try {
      truncateAll();
    } catch (SQLException e) {
      store.close();
      throw new IllegalStateException("cannot empty schema " + schema, e);
    }
    return store;
  }

  /** Empties every table but Flyway's: faster than a new schema per test method. */
  private void truncateAll() throws SQLException {
    List<String> tables = new ArrayList<>();
    try (PreparedStatement ps =
        admin.prepareStatement(
            "SELECT tablename FROM pg_tables WHERE schemaname = ?"
                + " AND tablename <> 'flyway_schema_history'")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          tables.add(schema + "." + rs.getString(1));
        }
      }
    }
    if (!tables.isEmpty()) {
      try (Statement s = admin.createStatement()) {
        s.execute("TRUNCATE TABLE " + String.join(", ", tables) + " CASCADE");
      }
    }
  }
}

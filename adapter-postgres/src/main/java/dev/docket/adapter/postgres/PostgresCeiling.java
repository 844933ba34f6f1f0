package dev.docket.adapter.postgres;

import dev.docket.ports.bench.CeilingLoop;
import dev.docket.ports.bench.CeilingRun;
import dev.docket.ports.bench.RawCeiling;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The raw pace of a PostgreSQL database: plain prepared statements on a scratch table of its own in
 * the URL's schema, a connection per thread, one commit per insert, and a {@code FOR UPDATE SKIP
 * LOCKED} claim plus a complete (two commits a job) for the cycle.
 */
public final class PostgresCeiling implements RawCeiling {
  private static final int REFILL = 20_000;

  private final String url;
  private final String table;
  private final boolean dropSchema;

  private PostgresCeiling(String url, String table, boolean dropSchema) {
    this.url = url;
    this.table = table;
    this.dropSchema = dropSchema;
  }

  /**
   * Creates the scratch table in the current schema of {@code jdbcUrl}.
   *
   * @param dropSchema whether {@link #close()} also drops that schema with everything in it: only
   *     for a schema the caller made for this run
   */
  public static PostgresCeiling open(String jdbcUrl, boolean dropSchema) {
    String table =
        "bench_ceiling_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    PostgresCeiling ceiling = new PostgresCeiling(jdbcUrl, table, dropSchema);
    ceiling.admin(
        "CREATE TABLE "
            + table
            + " (id bigserial PRIMARY KEY, state int NOT NULL, payload text NOT NULL)",
        "CREATE INDEX " + table + "_state ON " + table + " (state, id)");
    return ceiling;
  }

  @Override
  public CeilingRun insertPerCommit(int threads, Duration duration) {
    return CeilingLoop.run(threads, duration, Inserter::new);
  }

  @Override
  public CeilingRun claimCompleteCycle(int threads, Duration duration) {
    try {
      Cycler filler = new Cycler();
      try {
        filler.fill();
      } finally {
        filler.close();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("ceiling probe failed: " + e, e);
    }
    return CeilingLoop.run(threads, duration, Cycler::new);
  }

  private Connection connect() throws SQLException {
    Connection c = DriverManager.getConnection(url);
    c.setAutoCommit(false);
    return c;
  }

  private void admin(String... statements) {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("ceiling probe failed: " + e.getMessage(), e);
    }
  }

  private final class Inserter implements CeilingLoop.Session {
    private final Connection c;
    private final PreparedStatement insert;

    Inserter() throws SQLException {
      c = connect();
      insert = c.prepareStatement("INSERT INTO " + table + " (state, payload) VALUES (0, ?)");
    }

    @Override
    public int once() throws SQLException {
      insert.setString(1, "{\"n\":" + System.nanoTime() + "}");
      insert.executeUpdate();
      c.commit();
      return 1;
    }

    @Override
    public void close() throws SQLException {
      c.close();
    }
  }

  private final class Cycler implements CeilingLoop.Session {
    private final Connection c;
    private final PreparedStatement next;
    private final PreparedStatement claim;
    private final PreparedStatement complete;
    private final PreparedStatement insert;

    Cycler() throws SQLException {
      c = connect();
      next =
          c.prepareStatement(
              "SELECT id FROM "
                  + table
                  + " WHERE state = 0 ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED");
      claim = c.prepareStatement("UPDATE " + table + " SET state = 1 WHERE id = ?");
      complete = c.prepareStatement("UPDATE " + table + " SET state = 2 WHERE id = ?");
      insert = c.prepareStatement("INSERT INTO " + table + " (state, payload) VALUES (0, ?)");
    }

    @Override
    public int once() throws SQLException {
      long id = claimOne();
      complete.setLong(1, id);
      complete.executeUpdate();
      c.commit();
      return 1;
    }

    private long claimOne() throws SQLException {
      while (true) {
        try (ResultSet rs = next.executeQuery()) {
          if (rs.next()) {
            long id = rs.getLong(1);
            claim.setLong(1, id);
            claim.executeUpdate();
            c.commit();
            return id;
          }
        }
        c.commit();
        // the queue ran dry: refill it rather than stop early (rare; a few ms)
        fill();
      }
    }

    void fill() throws SQLException {
      for (int i = 0; i < REFILL; i++) {
        insert.setString(1, "{\"n\":" + i + "}");
        insert.addBatch();
      }
      insert.executeBatch();
      c.commit();
    }

    @Override
    public void close() throws SQLException {
      c.close();
    }
  }

  @Override
  public void close() {
    admin(
        dropSchema
            ? "DROP SCHEMA IF EXISTS \"" + currentSchema() + "\" CASCADE"
            : "DROP TABLE IF EXISTS " + table);
  }

  private String currentSchema() {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT current_schema()")) {
      rs.next();
      String schema = rs.getString(1);
      if (schema == null || !schema.matches("[a-z0-9_]+")) {
        throw new IllegalStateException("unexpected current schema " + schema);
      }
      return schema;
    } catch (SQLException e) {
      throw new IllegalStateException("ceiling probe failed: " + e.getMessage(), e);
    }
  }
}

package dev.docket.app.bench;

import dev.docket.adapter.postgres.PostgresCeiling;
import dev.docket.adapter.sqlite.SqliteCeiling;
import dev.docket.app.serve.Server;
import dev.docket.ports.bench.RawCeiling;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * The server under test and the database beneath it: a server started here (on a fresh SQLite file
 * in a temporary directory, or on a PostgreSQL database), or one already running at a URL. Closing
 * it stops what it started and removes what it made, and nothing else.
 */
final class Target implements AutoCloseable {
  private static final String SQLITE = "sqlite:";
  private static final String POSTGRES = "jdbc:postgresql:";

  private final URI base;
  private final String adminKey;
  private final String description;
  private final boolean inProcess;
  private Server server;
  private RawCeiling ceiling;
  private Path tempDir;

  private Target(URI base, String adminKey, String description, boolean inProcess) {
    this.base = base;
    this.adminKey = adminKey;
    this.description = description;
    this.inProcess = inProcess;
  }

  /**
   * Starts a server in this process.
   *
   * @param db a {@code --db} value, or null for a fresh SQLite file in a temporary directory
   */
  static Target start(String db) {
    String key = "dk_bench_" + randomKey();
    PrintWriter quiet = new PrintWriter(Writer.nullWriter());
    if (db == null) {
      Path dir;
      try {
        dir = Files.createTempDirectory("docket-bench");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot make a temporary directory", e);
      }
      Path file = dir.resolve("docket.db");
      Target t = started(Server.startLocal(SQLITE + file, key, quiet), key, "SQLite, fresh file");
      t.tempDir = dir;
      t.ceiling = t.guard(() -> SqliteCeiling.open(file));
      return t;
    }
    if (db.startsWith(SQLITE)) {
      Path file = Path.of(db.substring(SQLITE.length()));
      if (Files.exists(file)) {
        throw new BenchFailedException(
            "--db " + db + " exists; bench writes users and jobs, so name a new file");
      }
      Target t = started(Server.startLocal(db, key, quiet), key, "SQLite, " + file);
      t.ceiling = t.guard(() -> SqliteCeiling.open(file));
      return t;
    }
    if (db.startsWith(POSTGRES)) {
      boolean own = !db.contains("currentSchema=");
      String url =
          own ? withSchema(db, "docket_bench_" + HexFormat.of().toHexDigits(random())) : db;
      Target t = started(Server.startLocal(url, key, quiet), key, "PostgreSQL");
      t.ceiling = t.guard(() -> PostgresCeiling.open(url, own));
      return t;
    }
    throw new BenchFailedException("--db must be sqlite:PATH or jdbc:postgresql://…, not " + db);
  }

  /** A server already running; the ceiling only when the database is named too. */
  static Target remote(URI base, String adminKey, String db) {
    Target t = new Target(base, adminKey, "server at " + base, false);
    if (db != null && db.startsWith(POSTGRES)) {
      t.ceiling = PostgresCeiling.open(db, false);
    } else if (db != null && db.startsWith(SQLITE)) {
      t.ceiling = SqliteCeiling.open(Path.of(db.substring(SQLITE.length())));
    }
    return t;
  }

  private static Target started(Server server, String key, String description) {
    Target t =
        new Target(URI.create("http://127.0.0.1:" + server.port() + "/"), key, description, true);
    t.server = server;
    return t;
  }

  private interface Opening {
    RawCeiling open();
  }

  private RawCeiling guard(Opening opening) {
    try {
      return opening.open();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private static String withSchema(String url, String schema) {
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  private static long random() {
    return new SecureRandom().nextLong();
  }

  private static String randomKey() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  URI base() {
    return base;
  }

  String adminKey() {
    return adminKey;
  }

  String description() {
    return description;
  }

  boolean inProcess() {
    return inProcess;
  }

  /** The raw database probe, or null when the database is not reachable from here. */
  RawCeiling ceiling() {
    return ceiling;
  }

  /** Stops the server first, so that the probe may drop a schema nobody uses any more. */
  @Override
  public void close() {
    if (server != null) {
      server.stop();
      server = null;
    }
    if (ceiling != null) {
      ceiling.close();
      ceiling = null;
    }
    if (tempDir != null) {
      deleteTree(tempDir);
      tempDir = null;
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is untidy, not wrong
    }
  }
}

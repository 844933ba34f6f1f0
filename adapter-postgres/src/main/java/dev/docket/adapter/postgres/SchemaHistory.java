package dev.docket.adapter.postgres;

import dev.docket.ports.admin.AppliedMigration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Flyway's history table read without Flyway (on a read-only connection, never creating it), and
 * the newest migration this build ships, found by listing {@link Migrations#FOLDER}.
 */
final class SchemaHistory {
  static final String TABLE = "flyway_schema_history";
  private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__[^/]*\\.sql");

  private SchemaHistory() {}

  /**
   * @param schema the schema that holds the table, or null where there are none (SQLite)
   * @return the highest applied version, 0 when the table is missing or empty
   */
  static int applied(Connection c, String schema) throws SQLException {
    int max = 0;
    for (AppliedMigration m : history(c, schema)) {
      if (m.success() && m.version() != null) {
        max = Math.max(max, major(m.version()));
      }
    }
    return max;
  }

  static List<AppliedMigration> history(Connection c, String schema) throws SQLException {
    List<AppliedMigration> out = new ArrayList<>();
    if (!exists(c, schema)) {
      return out;
    }
    String qualified = schema == null ? TABLE : "\"" + schema + "\"." + TABLE;
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT version, description, success FROM "
                    + qualified
                    + " ORDER BY installed_rank");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.add(new AppliedMigration(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
      }
    }
    return out;
  }

  private static boolean exists(Connection c, String schema) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    try (ResultSet rs = meta.getTables(null, schema, TABLE, new String[] {"TABLE"})) {
      return rs.next();
    }
  }

  /** {@code 3} of {@code 3} or {@code 3.1}; Docket numbers its migrations with integers. */
  private static int major(String version) {
    String head = version.contains(".") ? version.substring(0, version.indexOf('.')) : version;
    try {
      return Integer.parseInt(head.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The highest {@code V<n>__*.sql} this build carries, 0 when there are none. */
  static int bundled() {
    String folder = Migrations.FOLDER;
    try {
      int max = 0;
      Enumeration<URL> roots = SchemaHistory.class.getClassLoader().getResources(folder);
      while (roots.hasMoreElements()) {
        max = Math.max(max, latestIn(roots.nextElement(), folder));
      }
      return max;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the migrations in " + folder, e);
    }
  }

  private static int latestIn(URL root, String folder) throws IOException {
    if ("jar".equals(root.getProtocol())) {
      JarURLConnection connection = (JarURLConnection) root.openConnection();
      connection.setUseCaches(false);
      try (JarFile jar = connection.getJarFile()) {
        int max = 0;
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
          String name = entries.nextElement().getName();
          if (name.startsWith(folder + "/")) {
            max = Math.max(max, version(name.substring(folder.length() + 1)));
          }
        }
        return max;
      }
    }
    try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
      return files.mapToInt(p -> version(p.getFileName().toString())).max().orElse(0);
    } catch (URISyntaxException e) {
      throw new IOException("not a folder: " + root, e);
    }
  }

  private static int version(String fileName) {
    Matcher m = VERSIONED.matcher(fileName);
    return m.matches() ? Integer.parseInt(m.group(1)) : 0;
  }
}

package dev.docket.app;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a SQLite file behind the store's back and lists everything that is not whole: a failed
 * integrity check, a running job without its lease, gaps in a job's event seqs, an event count that
 * disagrees with the log, a status that disagrees with the last status event.
 */
final class StoreAudit {
  private static final Pattern TO = Pattern.compile("\"to\"\\s*:\\s*\"(\\w+)\"");

  record JobRow(String status, long eventCount, int attempt) {}

  private StoreAudit() {}

  static Connection connect(Path file) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout = 10000");
    }
    return c;
  }

  static String integrity(Connection c) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return String.join("; ", rows);
  }

  static Map<String, JobRow> jobs(Connection c) throws SQLException {
    Map<String, JobRow> out = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, status, event_count, attempt FROM jobs")) {
      while (rs.next()) {
        out.put(rs.getString(1), new JobRow(rs.getString(2), rs.getLong(3), rs.getInt(4)));
      }
    }
    return out;
  }

  /** Every violation of the invariants above, as readable lines; empty when all is whole. */
  static List<String> halfDone(Connection c) throws SQLException {
    List<String> problems = new ArrayList<>();
    try (Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT id FROM jobs WHERE status = 'running'"
                  + " AND (lease_token IS NULL OR lease_expires_at IS NULL)")) {
        while (rs.next()) {
          problems.add("running job without a lease: " + rs.getString(1));
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT j.id, j.event_count, count(e.seq), min(e.seq), max(e.seq)"
                  + " FROM jobs j LEFT JOIN job_events e ON e.job_id = j.id GROUP BY j.id")) {
        while (rs.next()) {
          long declared = rs.getLong(2);
          long count = rs.getLong(3);
          long min = rs.getLong(4);
          long max = rs.getLong(5);
          if (count == 0 || count != declared || min != 0 || max != count - 1) {
            problems.add(
                "job "
                    + rs.getString(1)
                    + ": event_count "
                    + declared
                    + " but "
                    + count
                    + " events with seqs "
                    + min
                    + ".."
                    + max);
          }
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT j.id, j.status, e.data FROM jobs j JOIN job_events e ON e.job_id = j.id"
                  + " WHERE e.type = 'status' AND e.seq = (SELECT max(seq) FROM job_events x"
                  + " WHERE x.job_id = j.id AND x.type = 'status')")) {
        while (rs.next()) {
          Matcher m = TO.matcher(rs.getString(3));
          String to = m.find() ? m.group(1) : null;
          if (!rs.getString(2).equals(to)) {
            problems.add(
                "job " + rs.getString(1) + " is " + rs.getString(2) + " but its log says " + to);
          }
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT count(*) FROM jobs j WHERE NOT EXISTS (SELECT 1 FROM job_events e"
                  + " WHERE e.job_id = j.id AND e.type = 'status')")) {
        rs.next();
        if (rs.getLong(1) > 0) {
          problems.add(rs.getLong(1) + " job(s) without a status event");
        }
      }
    }
    return problems;
  }
}

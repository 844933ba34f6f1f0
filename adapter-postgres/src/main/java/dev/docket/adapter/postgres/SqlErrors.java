package dev.docket.adapter.postgres;

import dev.docket.ports.ConflictException;
import dev.docket.ports.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jooq.exception.DataAccessException;

/** Turns driver and jOOQ failures into the port's typed exceptions, in one place. */
final class SqlErrors {
  static final String UNIQUE_VIOLATION = "23505";
  static final String FOREIGN_KEY_VIOLATION = "23503";

  private SqlErrors() {}

  static RuntimeException translate(DataAccessException e) {
    SQLException sql = e.getCause(SQLException.class);
    String state = sql == null ? null : sql.getSQLState();
    if (UNIQUE_VIOLATION.equals(state)) {
      return new ConflictException(conflictMessage(sql.getMessage()));
    }
    String what = isConnectionFailure(sql) ? "database unreachable" : "database error";
    // The driver's message, not jOOQ's (which quotes the whole statement and its SQL).
    String detail = sql != null ? sql.getMessage() : e.getMessage();
    return new StoreUnavailableException(what + ": " + firstLine(detail), e);
  }

  /** Failures that mean the connection (not the statement) is gone or could not be had. */
  static boolean isConnectionFailure(SQLException sql) {
    if (sql == null) {
      return false;
    }
    if (sql instanceof SQLTransientConnectionException) {
      return true; // e.g. the pool timed out waiting for a connection
    }
    String state = sql.getSQLState();
    return state != null
        && (state.startsWith("08") // connection exception
            || state.equals("57P01") // admin shutdown / pg_terminate_backend
            || state.equals("57P02") // crash shutdown
            || state.equals("57P03") // cannot connect now
            || state.equals("53300")); // too many connections
  }

  private static String conflictMessage(String driverMessage) {
    String m = driverMessage == null ? "" : driverMessage;
    if (m.contains("jobs_owner_idempotency_key")) {
      return "idempotency key already used by this owner";
    }
    if (m.contains("users_email_key")) {
      return "email already taken";
    }
    if (m.contains("api_keys_key_hash_key")) {
      return "api key already exists";
    }
    return "already exists";
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}

package dev.docket.adapter.sqlite;

import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Classifies the driver's failures so that only port exceptions leave the adapter. */
final class SqlErrors {
  private static final int BUSY = 5;
  private static final int LOCKED = 6;
  private static final int CONSTRAINT = 19;

  private SqlErrors() {}

  /** Another connection holds a lock we need: worth retrying. */
  static boolean isBusy(Throwable t) {
    int code = primaryCode(t);
    return code == BUSY || code == LOCKED;
  }

  /** A UNIQUE or PRIMARY KEY constraint refused the write. */
  static boolean isUniqueViolation(Throwable t) {
    SQLiteException e = find(t);
    if (e == null || (e.getResultCode().code & 0xFF) != CONSTRAINT) {
      return false;
    }
    SQLiteErrorCode rc = e.getResultCode();
    return rc == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
        || rc == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY
        || String.valueOf(e.getMessage()).contains("UNIQUE");
  }

  private static int primaryCode(Throwable t) {
    SQLiteException e = find(t);
    if (e != null) {
      return e.getResultCode().code & 0xFF;
    }
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SQLException s && s.getMessage() != null) {
        String m = s.getMessage();
        if (m.contains("SQLITE_BUSY") || m.contains("database is locked")) {
          return BUSY;
        }
      }
    }
    return -1;
  }

  private static SQLiteException find(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SQLiteException e) {
        return e;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return null;
  }
}

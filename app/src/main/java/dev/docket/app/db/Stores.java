package dev.docket.app.db;

import dev.docket.app.CommandFailedException;
import dev.docket.app.ErrorReporter;
import dev.docket.domain.DomainException;
import dev.docket.ports.Store;
import dev.docket.ports.admin.StoreAdmin;

/** Opening a database's store the way every command does: guard first, then migrate. */
public final class Stores {
  private Stores() {}

  /** Refuses what this build must not touch, then opens (and migrates) the store. */
  public static Store open(StoreAdmin db) {
    db.preflight();
    try {
      return db.open();
    } catch (DomainException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      // a setting carried by --db that the adapter cannot take, e.g. PostgreSQL's currentSchema
      throw new CommandFailedException(
          "cannot open the database "
              + db.location()
              + " (--db "
              + ErrorReporter.oneLine(e.getMessage())
              + ")",
          e);
    } catch (RuntimeException e) {
      throw new CommandFailedException(
          "cannot open the database " + db.location() + " (" + rootMessage(e) + ")", e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return ErrorReporter.oneLine(m);
  }
}

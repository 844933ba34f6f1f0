package dev.docket.app;

import dev.docket.domain.DomainException;
import dev.docket.ports.Store;

/** Opening a {@link Database}'s store the way every command does: guard first, then migrate. */
public final class Stores {
  private Stores() {}

  /** Refuses what this build must not touch, then opens (and migrates) the store. */
  public static Store open(Database db) {
    db.preflight();
    try {
      return db.open();
    } catch (DomainException e) {
      throw e;
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

package dev.docket.app.db;

import dev.docket.adapter.postgres.PostgresStoreAdmin;
import dev.docket.adapter.sqlite.SqliteStoreAdmin;
import dev.docket.app.CommandFailedException;
import dev.docket.app.UsageException;
import dev.docket.ports.SchemaTooNewException;
import dev.docket.ports.admin.StoreAdmin;
import dev.docket.ports.admin.StoreAdminException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * Reads {@code --db}: {@code sqlite:PATH} or a JDBC PostgreSQL URL, told apart by the prefix only;
 * the adapter reads the rest. Anything else is a usage error that names the accepted forms.
 */
public final class StoreFactory {
  private static final String SQLITE = "sqlite:";
  private static final String POSTGRES = "jdbc:postgresql:";
  private static final String POOL_SIZE = "DOCKET_DB_POOL_SIZE";

  private StoreFactory() {}

  public static StoreAdmin parse(String db) {
    if (db == null || db.isBlank()) {
      throw usage("--db is empty");
    }
    String value = db.strip();
    if (value.startsWith(SQLITE)) {
      String path = value.substring(SQLITE.length());
      if (path.isBlank()) {
        throw usage("--db sqlite: needs a file path");
      }
      return reportingAsCommandFailures(new SqliteStoreAdmin(path));
    }
    if (value.startsWith(POSTGRES)) {
      return reportingAsCommandFailures(
          new PostgresStoreAdmin(value, poolSize(System.getenv(POOL_SIZE))));
    }
    throw usage("--db '" + PostgresStoreAdmin.redact(value) + "' is not a database URL");
  }

  /**
   * The pool size asked for by {@code DOCKET_DB_POOL_SIZE}, or null for the default (10).
   *
   * @throws UsageException when it is not a whole number from 1 to 500
   */
  public static Integer poolSize(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= 1 && n <= 500) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(POOL_SIZE + ": must be a whole number from 1 to 500");
  }

  /**
   * The adapter's refusals become {@link CommandFailedException}s (one line, exit 1), with the
   * adapter's exception as the cause that {@code --verbose} shows. A proxy, so that a method added
   * to the port needs no forwarding here.
   */
  private static StoreAdmin reportingAsCommandFailures(StoreAdmin admin) {
    return (StoreAdmin)
        Proxy.newProxyInstance(
            StoreAdmin.class.getClassLoader(),
            new Class<?>[] {StoreAdmin.class},
            (proxy, method, args) -> {
              try {
                return method.invoke(admin, args);
              } catch (InvocationTargetException e) {
                Throwable t = e.getCause();
                if (t instanceof StoreAdminException || t instanceof SchemaTooNewException) {
                  throw new CommandFailedException(t.getMessage(), t);
                }
                throw t;
              }
            });
  }

  private static UsageException usage(String what) {
    return new UsageException(
        what
            + "; use sqlite:PATH (e.g. sqlite:./data/docket.db)"
            + " or jdbc:postgresql://HOST:PORT/DB?user=USER");
  }
}

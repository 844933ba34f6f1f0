package dev.docket.app;

import dev.docket.app.db.Stores;
import dev.docket.ports.Store;
import dev.docket.ports.admin.StoreAdmin;
import dev.docket.ports.usecase.Actor;
import dev.docket.ports.usecase.Docket;

/**
 * An opened store with its use cases, as the data commands use it. The command line acts through
 * the use cases as {@code Actor.system("cli")}: admin powers, audited under {@code cli}.
 */
public final class CliSession implements AutoCloseable {
  static final String ACTOR = "cli";

  private final StoreAdmin database;
  private final Store store;
  private final Docket docket;
  private final Actor actor = Actor.system(ACTOR);

  private CliSession(StoreAdmin database, Store store) {
    this.database = database;
    this.store = store;
    this.docket = Docket.create(store);
  }

  /** Guards, opens and migrates the database {@code --db} names. */
  public static CliSession open(CliContext ctx) {
    StoreAdmin db = ctx.database();
    return new CliSession(db, Stores.open(db));
  }

  StoreAdmin database() {
    return database;
  }

  public Store store() {
    return store;
  }

  public Docket docket() {
    return docket;
  }

  public Actor actor() {
    return actor;
  }

  /** An audit entry by {@code cli}, for a mutation whose use case does not record one itself. */
  public void audit(String action, String resource, String resourceId, String detailsJson) {
    docket.audit().record(actor, action, resource, resourceId, detailsJson);
  }

  @Override
  public void close() {
    store.close();
  }
}

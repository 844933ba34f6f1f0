package dev.docket.adapter.sqlite;

import dev.docket.ports.ApiKeyRepository;
import dev.docket.ports.ArtifactStore;
import dev.docket.ports.AuditLog;
import dev.docket.ports.EventRepository;
import dev.docket.ports.JobRepository;
import dev.docket.ports.JobSignals;
import dev.docket.ports.LocalSignals;
import dev.docket.ports.Store;
import dev.docket.ports.UserRepository;
import dev.docket.ports.WebhookOutbox;
import java.nio.file.Path;
import org.jooq.impl.DSL;

/**
 * Docket's stores on one embedded SQLite file (WAL mode), for a single server process. Opening
 * migrates the schema. Every write goes through one writer connection, serialized in-process and
 * retried while another process holds the file's lock; reads run on a small pool of WAL readers and
 * never wait for writers. Signals stay within the process.
 *
 * <p>Where it differs from {@code PostgresStore} (responsibilities both have carry the same class
 * names there): the clock is this JVM's, truncated to the millisecond, since one process owns the
 * file; the one {@link Writer} serializes writes where PostgreSQL locks rows per transaction;
 * signals stay in-process.
 */
public final class SqliteStore implements Store {
  private final Writer writer;
  private final Reader reader;
  private final SqliteJobRepository jobs;
  private final SqliteEventRepository events;
  private final SqliteArtifactStore artifacts;
  private final SqliteUserRepository users;
  private final SqliteApiKeyRepository keys;
  private final SqliteAuditLog audit;
  private final SqliteWebhookOutbox webhooks;
  private final JobSignals signals = new LocalSignals();

  private SqliteStore(Connections connections, SqliteOptions options) {
    this.writer = new Writer(connections, options.busyBudget());
    Reader r;
    try {
      Migrations.migrate(connections);
      r = new Reader(connections, options.readConnections(), options.busyBudget());
    } catch (RuntimeException e) {
      writer.close();
      throw e;
    }
    this.reader = r;
    this.jobs = new SqliteJobRepository(writer, reader);
    this.events = new SqliteEventRepository(reader);
    this.artifacts =
        new SqliteArtifactStore(
            writer, reader, new ArtifactDownload(connections, options.busyBudget()));
    this.users = new SqliteUserRepository(writer, reader);
    this.keys = new SqliteApiKeyRepository(writer, reader);
    this.audit = new SqliteAuditLog(writer, reader);
    this.webhooks = new SqliteWebhookOutbox(writer, reader);
  }

  /**
   * Opens (creating if needed) and migrates the database file with {@link SqliteOptions#DEFAULTS}.
   *
   * @throws dev.docket.ports.SchemaTooNewException when a newer Docket migrated the file
   * @throws dev.docket.ports.StoreUnavailableException when the file cannot be opened or migrated
   */
  public static SqliteStore open(Path dbFile) {
    return open(dbFile, SqliteOptions.DEFAULTS);
  }

  /**
   * Opens (creating if needed) and migrates the database file.
   *
   * @throws dev.docket.ports.SchemaTooNewException when a newer Docket migrated the file
   * @throws dev.docket.ports.StoreUnavailableException when the file cannot be opened or migrated
   */
  public static SqliteStore open(Path dbFile, SqliteOptions options) {
    SqliteStore store = new SqliteStore(new Connections(dbFile, options), options);
    try {
      store.artifacts.removeOrphanChunks();
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    return store;
  }

  /** The write path, for tests of this package. */
  Writer writer() {
    return writer;
  }

  /** The read path, for tests of this package. */
  Reader reader() {
    return reader;
  }

  @Override
  public JobRepository jobs() {
    return jobs;
  }

  @Override
  public EventRepository events() {
    return events;
  }

  @Override
  public ArtifactStore artifacts() {
    return artifacts;
  }

  @Override
  public UserRepository users() {
    return users;
  }

  @Override
  public ApiKeyRepository keys() {
    return keys;
  }

  @Override
  public AuditLog audit() {
    return audit;
  }

  @Override
  public WebhookOutbox webhooks() {
    return webhooks;
  }

  @Override
  public JobSignals signals() {
    return signals;
  }

  @Override
  public dev.docket.ports.transfer.StoreTransfer transfer() {
    return new SqliteStoreTransfer(writer, reader);
  }

  @Override
  public boolean ping() {
    try {
      return reader.read(dsl -> dsl.select(DSL.one()).fetchOne(0, Integer.class)) == 1;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    try {
      reader.close();
    } finally {
      writer.close();
    }
  }
}

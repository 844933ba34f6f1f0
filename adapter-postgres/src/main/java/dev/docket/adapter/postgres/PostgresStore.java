package dev.docket.adapter.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.docket.ports.ApiKeyRepository;
import dev.docket.ports.ArtifactStore;
import dev.docket.ports.AuditLog;
import dev.docket.ports.EventRepository;
import dev.docket.ports.JobRepository;
import dev.docket.ports.JobSignals;
import dev.docket.ports.Store;
import dev.docket.ports.StoreUnavailableException;
import dev.docket.ports.UserRepository;
import dev.docket.ports.WebhookOutbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The store on PostgreSQL: a HikariCP pool, the schema migrated by Flyway on open, and jOOQ
 * repositories. Several server instances may share one database; they agree on time because the
 * store's clock is the database's, and their waiters wake each other through LISTEN/NOTIFY ({@link
 * PostgresSignals}).
 *
 * <p>Where it differs from {@code SqliteStore} (responsibilities both have carry the same class
 * names there): the clock is the database's {@code clock_timestamp()} ({@link Db}), shared by every
 * instance; writes run on any pooled connection, each in a transaction that locks the rows it
 * changes ({@code SELECT … FOR UPDATE}, {@code SKIP LOCKED} for claims), where SQLite has one
 * writer; signals cross processes.
 */
public final class PostgresStore implements Store {
  static {
    // jOOQ prints a banner and tips on first use; a library must not write to the console.
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
  }

  private final HikariDataSource pool;
  private final Db db;
  private final PostgresJobRepository jobs;
  private final PostgresEventRepository events;
  private final PostgresArtifactStore artifacts;
  private final PostgresUserRepository users;
  private final PostgresApiKeyRepository keys;
  private final PostgresAuditLog audit;
  private final PostgresWebhookOutbox webhooks;
  private final PostgresSignals signals;

  private PostgresStore(HikariDataSource pool, DSLContext dsl, PostgresSignals signals) {
    this.pool = pool;
    this.signals = signals;
    this.db = new Db(dsl);
    this.jobs = new PostgresJobRepository(db);
    this.events = new PostgresEventRepository(db);
    this.artifacts = new PostgresArtifactStore(db);
    this.users = new PostgresUserRepository(db);
    this.keys = new PostgresApiKeyRepository(db);
    this.audit = new PostgresAuditLog(db);
    this.webhooks = new PostgresWebhookOutbox(db);
  }

  /** Opens {@code jdbcUrl} with {@link PostgresOptions#defaults()}. */
  public static PostgresStore open(String jdbcUrl) {
    return open(jdbcUrl, PostgresOptions.defaults());
  }

  /**
   * Connects, creates the schema if needed and migrates it.
   *
   * @throws StoreUnavailableException when the database cannot be reached
   * @throws dev.docket.ports.SchemaTooNewException when the schema is newer than this build
   */
  public static PostgresStore open(String jdbcUrl, PostgresOptions options) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(options, "options");
    HikariDataSource pool = pool(jdbcUrl, options);
    try {
      Migrations.migrate(pool, options.schema());
      Settings settings =
          new Settings()
              .withRenderSchema(false)
              .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)
              .withExecuteLogging(false);
      // signals cross instances through LISTEN/NOTIFY, so a waiter here wakes for work done there
      PostgresSignals signals = PostgresSignals.start(pool, jdbcUrl, options);
      return new PostgresStore(pool, DSL.using(pool, SQLDialect.POSTGRES, settings), signals);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  private static HikariDataSource pool(String jdbcUrl, PostgresOptions options) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("docket-postgres");
    config.setJdbcUrl(jdbcUrl);
    config.setMaximumPoolSize(options.poolSize());
    config.setMinimumIdle(Math.min(2, options.poolSize()));
    config.setConnectionTimeout(options.connectionTimeout().toMillis());
    // Tables are unqualified in SQL; the session's search_path picks the configured schema.
    config.setSchema(options.schema());
    config.setConnectionInitSql(initSql(options));
    config.addDataSourceProperty("ApplicationName", options.applicationName());
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreUnavailableException("cannot connect to PostgreSQL: " + e.getMessage(), e);
    }
  }

  private static String initSql(PostgresOptions options) {
    StringBuilder sql = new StringBuilder();
    sql.append("SET statement_timeout = ").append(options.statementTimeout().toMillis());
    if (options.sessionTimeZone() != null) {
      sql.append("; SET TIME ZONE '").append(options.sessionTimeZone()).append('\'');
    }
    return sql.toString();
  }

  /** The database access, for tests of this package. */
  Db db() {
    return db;
  }

  /** The value of a setting in one of the pool's sessions (for tests of the session setup). */
  String sessionSetting(String name) {
    return db.run(ctx -> ctx.fetchValue("select current_setting({0})", DSL.val(name)).toString());
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
    return new PostgresStoreTransfer(db);
  }

  @Override
  public boolean ping() {
    try (Connection c = pool.getConnection()) {
      return c.isValid((int) Duration.ofSeconds(2).toSeconds());
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    signals.close();
    pool.close();
  }
}

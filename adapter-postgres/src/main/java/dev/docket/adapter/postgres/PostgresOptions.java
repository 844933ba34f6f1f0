package dev.docket.adapter.postgres;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How {@link PostgresStore} connects: pool size, the schema its tables live in (created and
 * migrated on open), the statement timeout, how long a caller waits for a pooled connection, the
 * application name its sessions show in {@code pg_stat_activity}, and optionally the session time
 * zone (tests set a non-UTC zone to prove instants do not drift; the store reads and writes UTC
 * instants whatever it is).
 */
public record PostgresOptions(
    int poolSize,
    String schema,
    Duration statementTimeout,
    Duration connectionTimeout,
    String applicationName,
    String sessionTimeZone) {

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final Pattern TIME_ZONE = Pattern.compile("[A-Za-z0-9_+\\-/:]{1,64}");

  public PostgresOptions {
    if (poolSize < 1) {
      throw new IllegalArgumentException("poolSize must be >= 1");
    }
    Objects.requireNonNull(schema, "schema");
    if (!IDENTIFIER.matcher(schema).matches()) {
      throw new IllegalArgumentException("schema must match " + IDENTIFIER.pattern());
    }
    Objects.requireNonNull(statementTimeout, "statementTimeout");
    Objects.requireNonNull(connectionTimeout, "connectionTimeout");
    if (statementTimeout.isNegative() || connectionTimeout.toMillis() < 250) {
      throw new IllegalArgumentException("need statementTimeout >= 0, connectionTimeout >= 250ms");
    }
    Objects.requireNonNull(applicationName, "applicationName");
    if (sessionTimeZone != null && !TIME_ZONE.matcher(sessionTimeZone).matches()) {
      throw new IllegalArgumentException("not a time zone name: " + sessionTimeZone);
    }
  }

  /**
   * Ten connections, schema {@code public}, 30 s statements, 5 s to get a connection, sessions
   * named {@code docket}, the server's time zone.
   */
  public static PostgresOptions defaults() {
    return new PostgresOptions(
        10, "public", Duration.ofSeconds(30), Duration.ofSeconds(5), "docket", null);
  }

  public PostgresOptions withPoolSize(int size) {
    return new PostgresOptions(
        size, schema, statementTimeout, connectionTimeout, applicationName, sessionTimeZone);
  }

  public PostgresOptions withSchema(String name) {
    return new PostgresOptions(
        poolSize, name, statementTimeout, connectionTimeout, applicationName, sessionTimeZone);
  }

  /** {@link Duration#ZERO} turns the timeout off. */
  public PostgresOptions withStatementTimeout(Duration timeout) {
    return new PostgresOptions(
        poolSize, schema, timeout, connectionTimeout, applicationName, sessionTimeZone);
  }

  public PostgresOptions withConnectionTimeout(Duration timeout) {
    return new PostgresOptions(
        poolSize, schema, statementTimeout, timeout, applicationName, sessionTimeZone);
  }

  public PostgresOptions withApplicationName(String name) {
    return new PostgresOptions(
        poolSize, schema, statementTimeout, connectionTimeout, name, sessionTimeZone);
  }

  public PostgresOptions withSessionTimeZone(String zone) {
    return new PostgresOptions(
        poolSize, schema, statementTimeout, connectionTimeout, applicationName, zone);
  }
}

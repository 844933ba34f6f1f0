package dev.docket.adapter.postgres;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Runs work against the pool, in a transaction or not, and keeps jOOQ's and the driver's exceptions
 * inside the adapter.
 */
final class Db {
  /**
   * The store's clock. {@code clock_timestamp()} rather than {@code now()} so that a long
   * transaction does not judge leases by its start time; truncated to the millisecond like every
   * stored instant.
   */
  private static final Field<OffsetDateTime> CLOCK =
      DSL.field(
          "date_trunc('milliseconds', clock_timestamp())", SQLDataType.TIMESTAMPWITHTIMEZONE(3));

  private final DSLContext dsl;

  Db(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Runs {@code work} in one transaction: all of it is written, or none. */
  <T> T tx(Function<DSLContext, T> work) {
    try {
      return dsl.transactionResult(c -> work.apply(c.dsl()));
    } catch (DataAccessException e) {
      throw SqlErrors.translate(e);
    }
  }

  /** Runs {@code work} with statements auto-committed one by one. */
  <T> T run(Function<DSLContext, T> work) {
    try {
      return work.apply(dsl);
    } catch (DataAccessException e) {
      throw SqlErrors.translate(e);
    }
  }

  /** The database's clock, as seen from {@code ctx} (inside its transaction when it has one). */
  static Instant now(DSLContext ctx) {
    return ctx.select(CLOCK).fetchSingle().value1().toInstant();
  }
}

package dev.docket.adapter.postgres;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The storage encodings, decided once: instants are {@code timestamptz} written and read as UTC
 * (whatever the session time zone), JSON documents are {@code json} holding the caller's exact
 * text.
 */
final class Sql {
  private Sql() {}

  static OffsetDateTime ts(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
  }

  static Instant instant(OffsetDateTime ts) {
    return ts == null ? null : ts.toInstant().truncatedTo(ChronoUnit.MILLIS);
  }

  /**
   * A JSON value to write. Bound as text and cast to {@code json} in SQL, because jOOQ's JSONB
   * binding would pass through {@code jsonb}, which reorders keys and drops spacing.
   */
  static Field<JSONB> json(String text) {
    return DSL.field("cast({0} as json)", SQLDataType.JSONB, DSL.val(text, SQLDataType.VARCHAR));
  }

  static String text(JSONB json) {
    return json == null ? null : json.data();
  }
}

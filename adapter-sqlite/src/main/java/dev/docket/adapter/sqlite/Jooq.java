package dev.docket.adapter.sqlite;

import java.sql.Connection;
import org.jooq.DSLContext;
import org.jooq.Index;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/** jOOQ contexts for this adapter's connections. */
final class Jooq {
  private static final Settings SETTINGS =
      new Settings().withExecuteLogging(false).withRenderSchema(false);

  static {
    // jOOQ prints a banner and tips on first use unless told not to
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
  }

  private Jooq() {}

  /**
   * {@code table INDEXED BY index}: pins SQLite's choice of index. Used for the queries that have a
   * purpose-built partial index, because without {@code ANALYZE} statistics the planner may prefer
   * any index that starts with an equality column (such as {@code status}) instead; a pinned index
   * that cannot serve the query makes it fail loudly rather than scan.
   */
  static Table<?> indexedBy(Table<?> table, Index index) {
    return DSL.table("{0} INDEXED BY {1}", table, DSL.name(index.getName()));
  }

  static DSLContext using(Connection connection) {
    return DSL.using(connection, SQLDialect.SQLITE, SETTINGS);
  }
}

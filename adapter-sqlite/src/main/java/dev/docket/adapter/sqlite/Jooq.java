package dev.docket.adapter.sqlite;

import java.sql.Connection;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
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

  static DSLContext using(Connection connection) {
    return DSL.using(connection, SQLDialect.SQLITE, SETTINGS);
  }
}

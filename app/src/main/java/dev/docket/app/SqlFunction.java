package dev.docket.app;

import java.sql.Connection;
import java.sql.SQLException;

/** Work on a JDBC connection that the caller opened and will close. */
@FunctionalInterface
interface SqlFunction<T> {
  T apply(Connection connection) throws SQLException;
}

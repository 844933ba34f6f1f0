package dev.docket.app.serve;

import java.util.Arrays;
import java.util.List;

/**
 * Log setup, done before any logger exists. Logs go to standard error so that standard output
 * carries only what a command prints. The server logs at info; other commands only warn, since
 * their output is the point; {@code --verbose} shows everything.
 */
public final class Logging {
  private static final String PREFIX = "org.slf4j.simpleLogger.";

  private Logging() {}

  public static void configure(String[] args) {
    List<String> list = Arrays.asList(args);
    boolean verbose = list.contains("--verbose");
    String level = verbose ? "debug" : list.contains("serve") ? "info" : "warn";
    setIfAbsent(PREFIX + "defaultLogLevel", level);
    if (verbose) {
      setIfAbsent(PREFIX + "log.org.flywaydb", "info");
      setIfAbsent(PREFIX + "log.com.zaxxer.hikari", "info");
      setIfAbsent(PREFIX + "log.org.eclipse.jetty", "info");
    }
    setIfAbsent("org.jooq.no-logo", "true");
    setIfAbsent("org.jooq.no-tips", "true");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}

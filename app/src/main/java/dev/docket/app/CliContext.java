package dev.docket.app;

import dev.docket.app.db.StoreFactory;
import dev.docket.ports.admin.StoreAdmin;
import java.io.PrintWriter;
import java.util.Map;

/**
 * What every command is given: the environment (read through here so tests can set it), the output
 * streams, and the options every command takes.
 */
public final class CliContext {
  static final String DEFAULT_DB = "sqlite:./data/docket.db";

  private final Map<String, String> env;
  private final PrintWriter out;
  private final PrintWriter err;
  private String db = DEFAULT_DB;
  private boolean json;
  private boolean verbose;

  CliContext(Map<String, String> env, PrintWriter out, PrintWriter err) {
    this.env = Map.copyOf(env);
    this.out = out;
    this.err = err;
  }

  public String env(String name) {
    return env.get(name);
  }

  public Map<String, String> env() {
    return env;
  }

  public PrintWriter out() {
    return out;
  }

  public PrintWriter err() {
    return err;
  }

  public String db() {
    return db;
  }

  void db(String value) {
    this.db = value;
  }

  public boolean json() {
    return json;
  }

  void json(boolean value) {
    this.json = value;
  }

  public boolean verbose() {
    return verbose;
  }

  void verbose(boolean value) {
    this.verbose = value;
  }

  /** The database {@code --db} names; a usage error when the form is not one we accept. */
  public StoreAdmin database() {
    return StoreFactory.parse(db);
  }
}

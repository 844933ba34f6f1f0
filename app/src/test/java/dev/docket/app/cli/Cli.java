package dev.docket.app.cli;

import dev.docket.app.Main;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One in-process run of {@code docket}: its exit code and both outputs. */
record Cli(int exitCode, String out, String err) {
  /** Runs with {@code DOCKET_DB=db} and the extra environment given. */
  static Cli run(String db, Map<String, String> env, String... args) {
    Map<String, String> all = new HashMap<>(env);
    all.put("DOCKET_DB", db);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, out, err, all);
    return new Cli(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Cli run(String db, String... args) {
    return run(db, Map.of(), args);
  }

  List<String> errLines() {
    return err.lines().toList();
  }

  List<String> outLines() {
    return out.lines().toList();
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
  }
}

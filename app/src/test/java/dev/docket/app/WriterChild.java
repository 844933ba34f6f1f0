package dev.docket.app;

import dev.docket.adapter.sqlite.SqliteStore;
import dev.docket.ports.Store;
import java.nio.file.Path;

/**
 * Run by {@link TwoProcessesTest} in a JVM of its own: submits and completes {@code count} jobs on
 * queue {@code name}, then prints {@code done <count>}; any failure is printed and exits 1.
 */
public final class WriterChild {
  private WriterChild() {}

  public static void main(String[] args) throws Exception {
    Path db = Path.of(args[0]);
    String name = args[1];
    int count = Integer.parseInt(args[2]);
    try (Store store = SqliteStore.open(db)) {
      System.out.println("ready");
      System.out.flush();
      int done = TwoProcessesTest.work(store, name, count);
      System.out.println("done " + done);
    } catch (Exception e) {
      System.out.println("error " + e);
      e.printStackTrace();
      System.exit(1);
    }
  }
}

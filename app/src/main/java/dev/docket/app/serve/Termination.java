package dev.docket.app.serve;

import java.util.List;
import sun.misc.Signal;

/**
 * Runs a stop action on SIGTERM or SIGINT, and on any other JVM shutdown.
 *
 * <p>SIGTERM is a normal way to stop a server, so after a graceful stop the process exits 0. A
 * plain shutdown hook cannot do that (the JVM then exits 143), so TERM and INT get a signal handler
 * ({@code sun.misc.Signal}, the JDK's supported-but-internal API for exactly this) that wakes the
 * main thread; the shutdown hook remains for every other way the JVM may end.
 */
final class Termination {
  private Termination() {}

  static void onTermination(Runnable signalled, Runnable onShutdown) {
    for (String name : List.of("TERM", "INT")) {
      try {
        Signal.handle(new Signal(name), s -> signalled.run());
      } catch (IllegalArgumentException | UnsupportedOperationException e) {
        // the platform or the JVM's -Xrs flag does not let us handle it: the hook still runs
      }
    }
    Runtime.getRuntime().addShutdownHook(new Thread(onShutdown, "docket-shutdown"));
  }
}

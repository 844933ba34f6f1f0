package dev.docket.adapter.http.edge;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;

/**
 * Closes connections whose request line and headers have not all arrived within the deadline.
 * Jetty's idle timeout restarts with every byte, so a client sending one header byte every few
 * seconds would otherwise hold its connection forever. The map of requests being watched holds at
 * most one entry per open connection and forgets closed ones on every sweep.
 */
public final class HeaderDeadline extends AbstractLifeCycle {
  private static final Set<HttpParser.State> READING_HEADERS =
      Set.of(
          HttpParser.State.METHOD,
          HttpParser.State.SPACE1,
          HttpParser.State.URI,
          HttpParser.State.SPACE2,
          HttpParser.State.REQUEST_VERSION,
          HttpParser.State.PROXY,
          HttpParser.State.HEADER);

  private final Server server;
  private final long deadlineNanos;
  private final Map<EndPoint, Started> watched = new ConcurrentHashMap<>();
  private ScheduledExecutorService sweeper;

  /** A request whose headers began to arrive at {@code nanos}, the n-th on its connection. */
  private record Started(long messagesIn, long nanos) {}

  public HeaderDeadline(Server server, Duration deadline) {
    this.server = server;
    this.deadlineNanos = deadline.toNanos();
  }

  @Override
  protected void doStart() {
    sweeper =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("docket-header-deadline").unstarted(r));
    long every = Math.max(100, TimeUnit.NANOSECONDS.toMillis(deadlineNanos) / 4);
    sweeper.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
  }

  @Override
  protected void doStop() {
    sweeper.shutdownNow();
    watched.clear();
  }

  void sweep() {
    long now = System.nanoTime();
    Set<EndPoint> open = ConcurrentHashMap.newKeySet();
    for (Connector c : server.getConnectors()) {
      if (c instanceof AbstractConnector connector) {
        for (EndPoint ep : connector.getConnectedEndPoints()) {
          open.add(ep);
          check(ep, now);
        }
      }
    }
    watched.keySet().retainAll(open);
  }

  private void check(EndPoint ep, long now) {
    if (!(ep.getConnection() instanceof HttpConnection http)
        || !READING_HEADERS.contains(http.getParser().getState())) {
      watched.remove(ep);
      return;
    }
    long n = http.getMessagesIn();
    Started s =
        watched.compute(
            ep, (k, old) -> old != null && old.messagesIn() == n ? old : new Started(n, now));
    if (now - s.nanos() > deadlineNanos) {
      watched.remove(ep);
      ep.close();
    }
  }
}

package dev.docket.client;

import dev.docket.adapter.http.HttpApi;
import dev.docket.adapter.http.HttpConfig;
import dev.docket.adapter.sqlite.SqliteStore;
import dev.docket.client.model.NewUser;
import dev.docket.client.model.User;
import dev.docket.ports.Store;
import dev.docket.ports.usecase.Docket;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real server over a real SQLite file, with a bootstrap admin key; it can be stopped and started
 * again on the same port and file, as a restarted server would be. The only place the tests touch
 * the server's classes.
 */
final class TestServer implements AutoCloseable {
  static final String ADMIN_KEY = "dk_test-bootstrap-admin-key-0123456789abcdef";
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final Path dir;
  private final Store store;
  private final Docket docket;
  private final HttpConfig config;
  private Javalin app;
  private int port;

  private TestServer(int port) throws IOException {
    dir = Files.createTempDirectory("docket-client-test");
    config =
        HttpConfig.defaults().withRequestLogging(false).withSseKeepAlive(Duration.ofSeconds(1));
    store = SqliteStore.open(dir.resolve("docket.db"));
    docket = Docket.create(store);
    docket.users().bootstrapAdmin(ADMIN_KEY);
    start(port);
  }

  /** A server on a free port. */
  static TestServer start() {
    return startOn(0);
  }

  /** A server on {@code port} (0 for any free one). */
  static TestServer startOn(int port) {
    try {
      return new TestServer(port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void start(int on) {
    app = HttpApi.create(docket, config).start(on);
    port = app.port();
  }

  /** Stops answering (connections are refused); the store stays as it is. */
  void stop() {
    app.stop();
  }

  /** Answers again on the same port, over the same store. */
  void restart() {
    start(port);
  }

  int port() {
    return port;
  }

  String url() {
    return "http://localhost:" + port;
  }

  /** A client with the admin key and a short retry budget. */
  DocketClient admin() {
    return client(ADMIN_KEY);
  }

  DocketClient client(String key) {
    return DocketClient.builder(url())
        .apiKey(key)
        .retryPolicy(RetryPolicy.defaults().withBudget(Duration.ofSeconds(10)))
        .build();
  }

  /** A client acting as a fresh user with {@code roles}. */
  DocketClient user(String... roles) {
    int n = COUNTER.incrementAndGet();
    User u =
        admin()
            .users()
            .create(
                new NewUser(
                    "user " + n,
                    "user" + n + "-" + System.nanoTime() + "@example.com",
                    List.of(roles)));
    return client(admin().users().createKey(u.id(), "test", null).key());
  }

  /** A queue no other test uses. */
  static String newQueue() {
    return "q" + COUNTER.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
  }

  @Override
  public void close() {
    app.stop();
    store.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp dir left behind is harmless
    }
  }
}

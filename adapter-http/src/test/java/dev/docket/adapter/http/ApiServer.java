package dev.docket.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docket.adapter.http.metrics.MetricsJobListener;
import dev.docket.adapter.sqlite.SqliteStore;
import dev.docket.ports.Store;
import dev.docket.ports.usecase.Docket;
import dev.docket.ports.usecase.DocketConfig;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** A real server on a free port over a real SQLite file, with a bootstrap admin key. */
final class ApiServer implements AutoCloseable {
  static final String ADMIN_KEY = "dk_test-bootstrap-admin-key-0123456789abcdef";
  private static final AtomicInteger USERS = new AtomicInteger();

  final Path dir;
  final Store store;
  final Docket docket;
  final HttpConfig config;
  final Javalin app;
  final HttpClient http;
  final Api admin;

  /** Where the store lives, for tests that read it directly: its JDBC URL. */
  final String jdbcUrl;

  private ApiServer(UnaryOperator<HttpConfig> tune, boolean postgres) throws IOException {
    dir = Files.createTempDirectory("docket-http-test");
    config = tune.apply(HttpConfig.defaults().withRequestLogging(false));
    Store raw;
    if (postgres) {
      String url = System.getenv("DOCKET_TEST_POSTGRES_URL");
      String schema = "http_" + Long.toString(System.nanoTime(), 36);
      try (var c = java.sql.DriverManager.getConnection(url);
          var s = c.createStatement()) {
        s.execute("CREATE SCHEMA " + schema);
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException("DOCKET_TEST_POSTGRES_URL is needed", e);
      }
      raw =
          dev.docket.adapter.postgres.PostgresStore.open(
              url, dev.docket.adapter.postgres.PostgresOptions.defaults().withSchema(schema));
      jdbcUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    } else {
      raw = SqliteStore.open(dir.resolve("docket.db"));
      jdbcUrl = "jdbc:sqlite:" + dir.resolve("docket.db");
    }
    store = raw;
    docket = Docket.create(store, DocketConfig.DEFAULT, new MetricsJobListener(config.registry()));
    docket.users().bootstrapAdmin(ADMIN_KEY);
    app = HttpApi.create(docket, config).start(0);
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
    admin = new Api(http, URI.create("http://localhost:" + app.port() + "/"), ADMIN_KEY);
  }

  static ApiServer start() {
    return start(c -> c);
  }

  static ApiServer start(UnaryOperator<HttpConfig> tune) {
    try {
      return new ApiServer(tune, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * As {@link #start(UnaryOperator)}, on PostgreSQL ({@code DOCKET_TEST_POSTGRES_URL}) when asked.
   */
  static ApiServer start(UnaryOperator<HttpConfig> tune, boolean postgres) {
    try {
      return new ApiServer(tune, postgres);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final AtomicInteger QUEUES = new AtomicInteger();

  /** A queue no other test uses, so claims never see another test's jobs. */
  static String newQueue() {
    return "q" + QUEUES.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
  }

  /** A client with no key at all. */
  Api anonymous() {
    return admin.as(null);
  }

  /** A fresh user with these roles and a key for it. */
  User user(String... roles) {
    int n = USERS.incrementAndGet();
    String rolesJson = String.join(",", Stream.of(roles).map(r -> "\"" + r + "\"").toList());
    Reply u =
        admin.post(
            "/v1/users",
            "{\"name\":\"user "
                + n
                + "\",\"email\":\"user"
                + n
                + "-"
                + System.nanoTime()
                + "@example.com\",\"roles\":["
                + rolesJson
                + "]}");
    if (u.status() != 201) {
      throw new IllegalStateException("creating a user: " + u);
    }
    String id = u.json().get("id").asText();
    Reply k = admin.post("/v1/users/" + id + "/keys", "{\"name\":\"test\"}");
    if (k.status() != 201) {
      throw new IllegalStateException("creating a key: " + k);
    }
    return new User(id, k.json().get("id").asText(), admin.as(k.json().get("key").asText()));
  }

  /** A user, its first key's id, and a client acting with that key. */
  record User(String id, String keyId, Api api) {
    String key() {
      return api.key();
    }
  }

  /** Submits a job of {@code kind} on {@code queue} and returns it. */
  static JsonNode submit(Api as, String queue, String kind) {
    Reply r = as.post("/v1/jobs", "{\"kind\":\"" + kind + "\",\"queue\":\"" + queue + "\"}");
    if (r.status() != 201) {
      throw new IllegalStateException("submit: " + r);
    }
    return r.json();
  }

  /** Claims one job on {@code queue}; returns it with its lease_token, or fails. */
  static JsonNode claim(Api as, String queue) {
    Reply r = as.post("/v1/queues/" + queue + "/claim", "{\"worker_id\":\"w1\"}");
    if (r.status() != 200 || r.json().get("jobs").isEmpty()) {
      throw new IllegalStateException("claim: " + r);
    }
    return r.json().get("jobs").get(0);
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

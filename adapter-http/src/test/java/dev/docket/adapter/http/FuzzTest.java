package dev.docket.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Mutated and malformed requests over real HTTP to every route (see {@link FuzzRequests}): no 5xx,
 * every error is problem+json with the security headers, a batch of requests made to be refused
 * stores nothing, the server stays healthy and its heap after GC does not keep growing. {@code
 * -Ddocket.fuzz.requests=} (default 20,000) and {@code -Ddocket.fuzz.seed=} tune the run; the
 * counts by route and status are printed.
 */
class FuzzTest {
  private static final int REQUESTS = Integer.getInteger("docket.fuzz.requests", 20_000);
  private static final long SEED = Long.getLong("docket.fuzz.seed", 20261204L);
  private static final boolean POSTGRES =
      "postgres".equals(System.getProperty("docket.fuzz.store", "sqlite"));
  private static final int THREADS = 4;
  private static final int BATCH = 500;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

  @Test
  void malformedAndMutatedRequestsNeverFailTheServer() throws Exception {
    try (ApiServer server = ApiServer.start(c -> c, POSTGRES)) {
      String queue = ApiServer.newQueue();
      List<String> keys = new ArrayList<>(List.of(ApiServer.ADMIN_KEY));
      List<String> users = new ArrayList<>();
      List<String> keyIds = new ArrayList<>();
      for (String role : List.of("submitter", "worker", "admin")) {
        ApiServer.User u = server.user(role);
        keys.add(u.key());
        users.add(u.id());
        keyIds.add(u.keyId());
      }
      List<String> jobs = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        jobs.add(ApiServer.submit(server.admin, queue, "k").get("id").asText());
      }
      ApiServer.claim(server.admin, queue);

      List<Long> heaps = new ArrayList<>();
      int batches = Math.max(2, REQUESTS / BATCH);
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        for (int b = 0; b < batches; b++) {
          boolean hostile = b % 2 == 1;
          String before = hostile ? fingerprint(server) : null;
          List<Future<Boolean>> parts = new ArrayList<>();
          for (int t = 0; t < THREADS; t++) {
            long seed = SEED * 31 + b * THREADS + t;
            FuzzRequests gen =
                new FuzzRequests(
                    seed,
                    keys,
                    () -> jobs.get((int) (Math.random() * jobs.size())),
                    () -> users.get((int) (Math.random() * users.size())),
                    () -> keyIds.get((int) (Math.random() * keyIds.size())),
                    queue);
            parts.add(pool.submit(() -> run(server.app.port(), gen, BATCH / THREADS, hostile)));
          }
          boolean allRefused = true;
          for (Future<Boolean> f : parts) {
            allRefused &= f.get();
          }
          assertThat(failures).as("responses that broke a rule").isEmpty();
          if (hostile) {
            assertThat(allRefused).as("every write of a hostile batch was refused").isTrue();
            assertThat(fingerprint(server)).as("a refused batch stored nothing").isEqualTo(before);
          }
          assertThat(server.anonymous().get("/healthz").status()).isEqualTo(200);
          if (b == batches / 4 || b == batches - 1) {
            heaps.add(heapAfterGc());
          }
        }
      } finally {
        pool.shutdownNow();
      }
      print();
      System.out.println(
          "failed-auth audit rows: "
              + count(server, "select count(*) from audit_log where action = 'auth.failed'")
              + " for "
              + counts.entrySet().stream()
                  .filter(e -> e.getKey().endsWith(" 401"))
                  .mapToInt(e -> e.getValue().get())
                  .sum()
              + " responses 401");
      assertThat(failures).as("responses that broke a rule").isEmpty();
      assertThat(server.admin.get("/v1/me").status()).isEqualTo(200);
      // the heap may rise while caches and pools warm up in the first quarter, not after
      assertThat(heaps.get(1)).isLessThan(heaps.get(0) * 2 + 64L * 1024 * 1024);
    }
  }

  /** Sends {@code n} requests; true when every write was refused with a 4xx. */
  private boolean run(int port, FuzzRequests gen, int n, boolean hostile) throws IOException {
    boolean allRefused = true;
    try (RawHttp http = new RawHttp(port)) {
      for (int i = 0; i < n; i++) {
        FuzzRequests.Generated g = gen.next(hostile);
        RawHttp.Response r = http.send(g.bytes());
        counts
            .computeIfAbsent(g.route().name() + " " + r.status(), k -> new AtomicInteger())
            .incrementAndGet();
        check(g, r);
        if (g.hostile() && g.route().writes() && (r.status() < 400 || r.status() > 499)) {
          allRefused = false;
          failure(g, r, "a hostile write was not refused");
        }
      }
    }
    return allRefused;
  }

  private void check(FuzzRequests.Generated g, RawHttp.Response r) {
    if (r.status() >= 500) {
      failure(g, r, "5xx");
    }
    if (!"nosniff".equals(r.header("X-Content-Type-Options"))
        || r.header("Content-Security-Policy") == null) {
      failure(g, r, "security headers missing");
    }
    String server = r.header("Server");
    if (server != null && server.matches(".*\\d.*")) {
      failure(g, r, "a version banner");
    }
    if (r.status() >= 400) {
      String type = r.header("Content-Type");
      if (type == null || !type.startsWith("application/problem+json")) {
        failure(g, r, "an error that is not problem+json");
        return;
      }
      try {
        JsonNode p = JSON.readTree(r.body());
        if (p.path("status").asInt() != r.status() || !p.hasNonNull("title")) {
          failure(g, r, "a problem whose status differs");
        }
        String detail = p.path("detail").asText();
        if (detail.matches("(?s).*dk_[A-Za-z0-9].*")) {
          failure(g, r, "a key in a problem detail");
        }
      } catch (IOException e) {
        failure(g, r, "a problem body that is not JSON");
      }
    }
  }

  private void failure(FuzzRequests.Generated g, RawHttp.Response r, String what) {
    if (failures.size() < 20) {
      String req = new String(g.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
      String body =
          r.body() == null
              ? "(stream)"
              : new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
      failures.add(
          what
              + ": "
              + r.status()
              + " "
              + body.substring(0, Math.min(300, body.length()))
              + "\n  for "
              + req.substring(0, Math.min(600, req.length())));
    }
  }

  private void print() {
    Map<String, Integer> sorted = new TreeMap<>();
    counts.forEach((k, v) -> sorted.put(k, v.get()));
    StringBuilder b =
        new StringBuilder(
            "fuzz counts by route and status ("
                + REQUESTS
                + (POSTGRES ? " on postgres" : " on sqlite")
                + "):\n");
    sorted.forEach((k, v) -> b.append("  ").append(k).append(": ").append(v).append('\n'));
    System.out.println(b);
  }

  /** Every stored row that a request could write, except the failed-auth audit and last use. */
  private static String fingerprint(ApiServer server) throws SQLException {
    try (Connection c = DriverManager.getConnection(server.jdbcUrl);
        Statement s = c.createStatement()) {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      for (String q :
          List.of(
              "select * from jobs order by id",
              "select * from job_events order by 1, 2",
              "select * from artifacts order by 1, 2",
              "select * from users order by id",
              "select id, user_id, name, revoked_at, expires_at from api_keys order by id",
              "select * from audit_log where action <> 'auth.failed' order by id",
              "select * from webhook_deliveries order by id")) {
        try (ResultSet rs = s.executeQuery(q)) {
          int cols = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= cols; i++) {
              d.update(String.valueOf(rs.getString(i)).getBytes());
              d.update((byte) 0);
            }
          }
        }
      }
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long count(ApiServer server, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(server.jdbcUrl);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long heapAfterGc() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}

package dev.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docket.adapter.sqlite.SqliteStore;
import dev.docket.domain.Job;
import dev.docket.domain.JobSpec;
import dev.docket.ports.Store;
import dev.docket.ports.usecase.Actor;
import dev.docket.ports.usecase.ClaimRequest;
import dev.docket.ports.usecase.Docket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code docket serve} in a JVM of its own, as an operator runs it. */
class ServeTest {
  private static final Pattern LISTENING =
      Pattern.compile("Docket listening on (http://127\\.0\\.0\\.1:(\\d+))");
  private static final String PRESET_KEY = "dk_test-preset-admin-key-0123456789abcdef";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path dir;

  private ChildJvm serve(Path db, Map<String, String> env, String name) throws Exception {
    Map<String, String> all = new HashMap<>(env);
    all.put("DOCKET_DB", "sqlite:" + db);
    return ChildJvm.start(Main.class, all, dir.resolve(name + ".err"), "serve", "--port", "0");
  }

  private static String awaitListening(ChildJvm server) throws Exception {
    String line = server.awaitLine(l -> LISTENING.matcher(l).matches(), Duration.ofSeconds(60));
    assertThat(line).as("listening line; stderr: %s", server.stderr()).isNotNull();
    Matcher m = LISTENING.matcher(line);
    assertThat(m.matches()).isTrue();
    return m.group(1);
  }

  private static HttpResponse<String> get(String url, String key) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A worker's long-poll claim on an empty queue: answered after {@code seconds}. */
  private static CompletableFuture<HttpResponse<String>> claimWaiting(
      String base, String key, int seconds) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/v1/queues/empty/claim"))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"worker_id\":\"w1\",\"wait_seconds\":" + seconds + "}"))
            .build();
    return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesWithThePresetAdminKeyAndOnSigtermFinishesInFlightRequestsAndExitsZero()
      throws Exception {
    Path db = dir.resolve("serve.db");
    try (ChildJvm server = serve(db, Map.of("DOCKET_BOOTSTRAP_ADMIN_KEY", PRESET_KEY), "preset")) {
      String base = awaitListening(server);

      assertThat(get(base + "/healthz", null).statusCode()).isEqualTo(200);
      HttpResponse<String> me = get(base + "/v1/me", PRESET_KEY);
      assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
      assertThat(me.body()).contains("\"admin\"");
      assertThat(server.lines()).noneMatch(l -> l.contains(PRESET_KEY));
      CompletableFuture<HttpResponse<String>> longPoll = claimWaiting(base, PRESET_KEY, 3);
      Thread.sleep(1_000);

      server.process().destroy(); // SIGTERM
      // the request in flight when the signal came still gets its answer
      assertThat(longPoll.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      assertThat(server.await(Duration.ofSeconds(30))).as(server.stderr()).isZero();
      assertThat(server.stderr()).contains("stopped");
    }
    // a clean close checkpoints the write-ahead log into the file and removes it
    assertThat(Path.of(db + "-wal")).doesNotExist();
    CliRun check = CliRun.of(Map.of(), "--db", "sqlite:" + db, "db", "check");
    assertThat(check.exitCode()).as("%s", check).isZero();
  }

  @Test
  void theFirstStartPrintsAGeneratedAdminKeyOnceAndTheNextStartDoesNot() throws Exception {
    Path db = dir.resolve("fresh.db");
    String key;
    try (ChildJvm server = serve(db, Map.of(), "first")) {
      String base = awaitListening(server);
      List<String> out = server.lines();
      key =
          out.stream()
              .filter(l -> l.startsWith("admin key: "))
              .map(l -> l.substring("admin key: ".length()))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no admin key in " + out));
      assertThat(key).matches("dk_[A-Za-z0-9_-]{43}");
      assertThat(out).anyMatch(l -> l.contains("shown once"));
      assertThat(get(base + "/v1/me", key).statusCode()).isEqualTo(200);
      server.process().destroy();
      assertThat(server.await(Duration.ofSeconds(30))).isZero();
    }
    try (ChildJvm again = serve(db, Map.of(), "second")) {
      String base = awaitListening(again);
      assertThat(again.lines()).noneMatch(l -> l.startsWith("admin key"));
      assertThat(get(base + "/v1/me", key).statusCode()).isEqualTo(200);
      again.process().destroy();
      assertThat(again.await(Duration.ofSeconds(30))).isZero();
    }
  }

  @Test
  void aLeaseThatExpiredWhileTheServerWasDownIsRescuedSecondsAfterStart() throws Exception {
    Path db = dir.resolve("rescue.db");
    String jobId = leaveARunningJobBehind(db);
    expireLease(db, jobId);

    try (ChildJvm server = serve(db, Map.of(), "rescue")) {
      awaitListening(server);
      long listening = System.nanoTime();
      String status = awaitStatusOtherThanRunning(db, jobId, Duration.ofSeconds(10));
      long seconds = Duration.ofNanos(System.nanoTime() - listening).toSeconds();

      assertThat(status).isEqualTo("queued");
      assertThat(seconds).isLessThanOrEqualTo(5);
      assertThat(jobError(db, jobId)).isEqualTo("lease expired");
      server.process().destroy();
      assertThat(server.await(Duration.ofSeconds(30))).isZero();
    }
  }

  /** A job claimed by a worker whose process then went away with the server. */
  private static String leaveARunningJobBehind(Path db) throws Exception {
    try (Store store = SqliteStore.open(db)) {
      Docket docket = Docket.create(store);
      Actor worker =
          Actor.of(
              docket
                  .users()
                  .create(
                      Actor.system("test"),
                      "worker",
                      "worker@docket.invalid",
                      List.of("submitter", "worker")),
              null);
      docket
          .jobs()
          .submit(worker, new JobSpec("build", "ci", "{}", null, null, null, null, null, null));
      List<Job> claimed =
          docket.workers().claim(worker, new ClaimRequest("ci", "w1", 1, 60, null, null, 0));
      assertThat(claimed).hasSize(1);
      return claimed.get(0).id().toString();
    }
  }

  /** Moves the lease's end into the past, as if the server had been down for a while. */
  private static void expireLease(Path db, String jobId) throws Exception {
    try (Connection c = StoreAudit.connect(db);
        PreparedStatement s =
            c.prepareStatement("UPDATE jobs SET lease_expires_at = ? WHERE id = ?")) {
      s.setLong(1, System.currentTimeMillis() - 60_000);
      s.setString(2, jobId);
      assertThat(s.executeUpdate()).isEqualTo(1);
    }
  }

  private static String awaitStatusOtherThanRunning(Path db, String jobId, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    String status = "running";
    while (System.nanoTime() < deadline && status.equals("running")) {
      Thread.sleep(100);
      status = column(db, jobId, "status");
    }
    return status;
  }

  private static String jobError(Path db, String jobId) throws Exception {
    return column(db, jobId, "error");
  }

  private static String column(Path db, String jobId, String column) throws Exception {
    try (Connection c = StoreAudit.connect(db);
        PreparedStatement s = c.prepareStatement("SELECT " + column + " FROM jobs WHERE id = ?")) {
      s.setString(1, jobId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }
}

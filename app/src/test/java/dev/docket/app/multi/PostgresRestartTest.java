package dev.docket.app.multi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docket.app.multi.Http.Reply;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database really stops and starts again (an embedded PostgreSQL of this test's own, so the
 * machine's server that other tests use is never touched): two {@code docket serve} processes
 * answer 503 with {@code Retry-After} while it is down, and without a restart of their own serve
 * again, keep what was written before, and wake each other again once their notification
 * connections are back.
 */
class PostgresRestartTest {
  private static final String ADMIN = "dk_restart-test-admin-key-0123456789abcdef";

  @TempDir Path dir;

  private static EmbeddedPostgres startPostgres(Path data, int port) throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .setPort(port)
        .start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static Reply submit(Instance via, String key, String idempotencyKey) throws IOException {
    return Http.post(
        via.base(),
        key,
        "/v1/jobs",
        Map.of("kind", "build", "queue", "restart", "idempotency_key", idempotencyKey));
  }

  @Test
  void whilePostgresIsDownRequestsGet503AndOnceItIsBackBothInstancesServeAndWakeEachOther()
      throws Exception {
    Path data = dir.resolve("pgdata");
    int port = freePort();
    EmbeddedPostgres postgres = startPostgres(data, port);
    PgServer pg = PgServer.freshSchema(postgres.getJdbcUrl("postgres", "postgres"), "restart");
    try (Instance a = Instance.start(dir, "a", pg.docketDb(), ADMIN);
        Instance b = Instance.start(dir, "b", pg.docketDb(), ADMIN)) {
      a.awaitListening();
      b.awaitListening();
      String submitter = Http.userKey(a.base(), ADMIN, "ci", List.of("submitter"));
      String worker = Http.userKey(a.base(), ADMIN, "builder", List.of("worker"));
      Reply before = submit(a, submitter, "before");
      assertThat(before.status()).as("%s", before).isEqualTo(201);

      postgres.close(); // a real stop: connections refused from here on
      long stopped = System.nanoTime();
      long askedAt = System.nanoTime();
      Reply during = submit(b, submitter, "during");
      long answeredMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - askedAt);
      Reply readyDuring = Http.get(a.base(), null, "/readyz");
      long downMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped);
      Thread.sleep(Math.max(0, 3_000 - downMs));

      postgres = startPostgres(data, port);
      long restarted = System.nanoTime();
      long recoveredMs = awaitBothServe(a, b, submitter, restarted);
      List<Long> wakes = new ArrayList<>();
      long wakeMs = -1;
      for (int round = 0; round < 10 && (wakeMs < 0 || wakeMs >= 700); round++) {
        wakeMs = CrossWake.millis(a, submitter, b, worker, "wake-" + round);
        wakes.add(wakeMs);
      }
      System.out.printf(
          "[restart] while down: submit %d after %d ms (Retry-After %s), /readyz %d; after the"
              + " restart both instances served in %d ms; cross-instance wakes until back: %s ms%n",
          during.status(),
          answeredMs,
          during.header("Retry-After"),
          readyDuring.status(),
          recoveredMs,
          wakes);

      assertThat(during.status()).as("%s", during).isEqualTo(503);
      assertThat(during.header("Content-Type")).startsWith("application/problem+json");
      assertThat(during.header("Retry-After")).matches("\\d+");
      assertThat(readyDuring.status()).isEqualTo(503);
      assertThat(recoveredMs).as("service resumes by itself").isLessThan(20_000);
      assertThat(wakeMs).as("notifications cross instances again").isBetween(0L, 699L);
      String id = before.json().get("id").asText();
      assertThat(Http.get(b.base(), submitter, "/v1/jobs/" + id).status()).isEqualTo(200);
      assertThat(pg.count("SELECT count(*) FROM jobs WHERE idempotency_key = 'during'")).isZero();
    } finally {
      try {
        pg.drop();
      } finally {
        postgres.close();
      }
    }
  }

  /** Milliseconds from {@code since} until a submit through each instance answers 201. */
  private static long awaitBothServe(Instance a, Instance b, String submitter, long since)
      throws Exception {
    long deadline = since + TimeUnit.SECONDS.toNanos(60);
    for (int n = 0; System.nanoTime() < deadline; n++) {
      if (submit(a, submitter, "after-a-" + n).status() == 201
          && submit(b, submitter, "after-b-" + n).status() == 201) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("service did not resume within 60 s");
  }
}

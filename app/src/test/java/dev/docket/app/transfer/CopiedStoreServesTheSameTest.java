package dev.docket.app.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docket.adapter.http.HttpApi;
import dev.docket.adapter.http.HttpConfig;
import dev.docket.adapter.postgres.PostgresOptions;
import dev.docket.adapter.postgres.PostgresStore;
import dev.docket.adapter.sqlite.SqliteStore;
import dev.docket.domain.ApiKey;
import dev.docket.domain.Ids;
import dev.docket.ports.Store;
import dev.docket.ports.usecase.Docket;
import dev.docket.ports.usecase.Fingerprint;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After {@code docket copy} from SQLite to PostgreSQL, a server on the copy answers every read
 * exactly as a server on the original: same jobs, events, artifacts (bytes too), users, stats and
 * audit trail, and the same API key still works.
 */
class CopiedStoreServesTheSameTest {
  private static final String KEY = "dk_copy_test_0123456789abcdef0123456789abcdef";

  @TempDir Path dir;

  private final PostgresSchemas schemas = new PostgresSchemas();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void dropSchemas() throws Exception {
    schemas.dropAll();
  }

  @Test
  void aServerOnTheCopyAnswersEveryReadLikeTheOriginal() throws Exception {
    SampleStore sample;
    try (Store store = SqliteStore.open(dir.resolve("source.db"))) {
      sample = SampleStore.fill(store, 120, 300_000);
      UUID admin = store.users().findByEmail("admin@example.test").orElseThrow().id();
      Instant t = Instant.parse("2025-01-02T03:04:05.678Z");
      store
          .keys()
          .insert(
              new ApiKey(
                  Ids.newId(),
                  admin,
                  "copy",
                  Fingerprint.sha256(KEY),
                  KEY.substring(0, 12),
                  t,
                  null,
                  null,
                  null));
    }
    String pg = schemas.newUrl();
    TransferCli copy =
        TransferCli.run("copy", "--from", "sqlite:" + dir.resolve("source.db"), "--to", pg);
    assertThat(copy.exitCode()).as("%s", copy).isZero();

    String schema = pg.substring(pg.indexOf("currentSchema=") + "currentSchema=".length());
    try (Store original = SqliteStore.open(dir.resolve("source.db"));
        Store copied =
            PostgresStore.open(
                PostgresSchemas.SERVER, PostgresOptions.defaults().withSchema(schema))) {
      Javalin a = HttpApi.create(Docket.create(original), HttpConfig.defaults()).start(0);
      Javalin b = HttpApi.create(Docket.create(copied), HttpConfig.defaults()).start(0);
      try {
        List<String> paths =
            new ArrayList<>(
                List.of(
                    "/v1/jobs?limit=1000",
                    "/v1/jobs?status=succeeded",
                    "/v1/stats",
                    "/v1/users",
                    "/v1/audit?limit=1000",
                    "/v1/me"));
        String list = get(a, "/v1/jobs?limit=1000").body();
        for (String id : ids(list)) {
          paths.add("/v1/jobs/" + id);
          paths.add("/v1/jobs/" + id + "/events");
          paths.add("/v1/jobs/" + id + "/artifacts");
        }
        paths.add("/v1/jobs/" + sample.bigJob + "/artifacts/" + SampleStore.BIG_NAME);
        paths.add("/v1/jobs/" + sample.bigJob + "/artifacts/notes.txt");

        for (String path : paths) {
          HttpResponse<String> fromA = get(a, path);
          HttpResponse<String> fromB = get(b, path);
          assertThat(fromA.statusCode()).as(path).isEqualTo(200);
          assertThat(fromB.statusCode()).as(path).isEqualTo(200);
          assertThat(fromB.body()).as(path).isEqualTo(fromA.body());
          assertThat(fromB.headers().firstValue("ETag"))
              .as(path)
              .isEqualTo(fromA.headers().firstValue("ETag"));
        }
        System.out.println(
            "[copy] " + paths.size() + " reads answered alike by SQLite and its PostgreSQL copy");
      } finally {
        a.stop();
        b.stop();
      }
    }
  }

  private HttpResponse<String> get(Javalin server, String path) throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .header("Authorization", "Bearer " + KEY)
            .build();
    return http.send(
        req, HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.ISO_8859_1));
  }

  private static List<String> ids(String jobsJson) {
    List<String> out = new ArrayList<>();
    var m = java.util.regex.Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\"").matcher(jobsJson);
    while (m.find()) {
      out.add(m.group(1));
    }
    assertThat(out).hasSizeGreaterThan(100);
    return out;
  }
}

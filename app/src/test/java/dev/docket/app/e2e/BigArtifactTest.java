package dev.docket.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An artifact twice the server's heap goes up and comes back intact: the contract promises uploads
 * and downloads are streamed, so a build image must not cost the server its life.
 */
class BigArtifactTest {
  private static final String ADMIN_KEY = "dk_e2e-admin-key-for-the-big-artifact-test-0123456789";
  private static final long SIZE = 256L * 1024 * 1024;
  private static final Duration TRANSFER = Duration.ofMinutes(3);

  @TempDir Path dir;

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void a256MiBArtifactRoundTripsByteForByteThroughAServerWith128MiBOfHeap() throws Exception {
    // an OutOfMemoryError anywhere ends the server, so it cannot hide in a pool thread
    List<String> jvm = List.of("-Xmx128m", "-XX:+ExitOnOutOfMemoryError");
    try (DocketServer server =
        DocketServer.start(dir, dir.resolve("big.db"), ADMIN_KEY, "big", jvm)) {
      assertThat(server.commandLine()).contains("-Xmx128m");
      Api admin = new Api(server.base(), ADMIN_KEY);
      Reply submitted = admin.post("/v1/jobs", Map.of("kind", "package", "queue", "images"));
      assertThat(submitted.status()).as("%s", submitted).isEqualTo(201);
      JsonNode job = new Worker(admin, "packager").claim("images", 5, 600).orElseThrow();
      String id = Worker.jobId(job);

      PseudoRandomStream generated = new PseudoRandomStream(42, SIZE);
      long start = System.nanoTime();
      Reply put = upload(admin, id, job.path("lease_token").asText(), generated);
      long uploaded = System.nanoTime();
      assertThat(put.status()).as("%s; server stderr: %s", put, server.stderr()).isEqualTo(201);
      assertThat(generated.produced()).isEqualTo(SIZE);
      String sha = generated.sha256();
      assertThat(put.json().path("size").asLong()).isEqualTo(SIZE);
      assertThat(put.json().path("sha256").asText()).isEqualTo(sha);

      HttpResponse<InputStream> got =
          Api.HTTP.send(
              admin
                  .request("/v1/jobs/" + id + "/artifacts/image.bin")
                  .timeout(TRANSFER)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofInputStream());
      assertThat(got.statusCode()).isEqualTo(200);
      assertThat(got.headers().firstValueAsLong("Content-Length")).hasValue(SIZE);
      assertThat(got.headers().firstValue("ETag")).hasValue("\"" + sha + "\"");
      assertThat(got.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
      MessageDigest downloaded = Bytes.digest();
      long size = drain(got.body(), downloaded);
      long done = System.nanoTime();
      assertThat(size).isEqualTo(SIZE);
      assertThat(HexFormat.of().formatHex(downloaded.digest())).isEqualTo(sha);
      System.out.printf(
          "256 MiB artifact: upload %d ms, download %d ms%n",
          Duration.ofNanos(uploaded - start).toMillis(),
          Duration.ofNanos(done - uploaded).toMillis());

      assertThat(server.alive()).as(server.stderr()).isTrue();
      assertThat(admin.get("/healthz").status()).isEqualTo(200);
      assertThat(admin.get("/readyz").status()).isEqualTo(200);
      assertThat(server.stderr()).doesNotContain("OutOfMemoryError");
      JsonNode after = admin.get("/v1/jobs/" + id).json();
      assertThat(after.path("artifacts").get(0).path("size").asLong()).isEqualTo(SIZE);
      assertThat(server.stop()).as(server.stderr()).isZero();
    }
  }

  /** A chunked upload of a body of unknown length, as a CI step piping a tarball would send. */
  private static Reply upload(Api api, String jobId, String token, InputStream body) {
    return Api.send(
        api.request("/v1/jobs/" + jobId + "/artifacts/image.bin")
            .timeout(TRANSFER)
            .header("Content-Type", "application/octet-stream")
            .header("Docket-Lease-Token", token)
            .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> body))
            .build());
  }

  private static long drain(InputStream in, MessageDigest sha) throws Exception {
    byte[] buffer = new byte[1 << 16];
    long total = 0;
    try (in) {
      for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
        sha.update(buffer, 0, n);
        total += n;
      }
    }
    return total;
  }
}

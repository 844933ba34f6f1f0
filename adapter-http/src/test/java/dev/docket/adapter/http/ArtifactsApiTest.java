package dev.docket.adapter.http;

import static dev.docket.adapter.http.ApiServer.claim;
import static dev.docket.adapter.http.ApiServer.newQueue;
import static dev.docket.adapter.http.ApiServer.submit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArtifactsApiTest {
  static final long LIMIT = 4L * 1024 * 1024;
  static ApiServer server;
  static ApiServer.User submitter;
  static ApiServer.User other;
  static ApiServer.User worker;

  @BeforeAll
  static void start() {
    server = ApiServer.start(c -> c.withArtifactBodyLimit(LIMIT));
    submitter = server.user("submitter");
    other = server.user("submitter");
    worker = server.user("worker");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void putStoresTheBytesWithTheirTypeAndAnswers201() throws Exception {
    JsonNode j = running();
    byte[] xml = "<testsuite tests=\"3\"/>".getBytes(StandardCharsets.UTF_8);
    Reply r =
        worker
            .api()
            .put(path(j, "report.xml") + "?lease_token=" + token(j), "application/xml", xml);
    assertThat(r.status()).isEqualTo(201);
    JsonNode a = r.json();
    assertThat(a.get("name").asText()).isEqualTo("report.xml");
    assertThat(a.get("content_type").asText()).isEqualTo("application/xml");
    assertThat(a.get("size").asLong()).isEqualTo(xml.length);
    assertThat(a.get("sha256").asText()).isEqualTo(sha256(xml));
    assertThat(a.get("created_at").asText()).endsWith("Z");
  }

  @Test
  void theLeaseTokenMayComeInAHeader() {
    JsonNode j = running();
    Reply r =
        worker
            .api()
            .send(
                worker
                    .api()
                    .request(path(j, "log.txt"))
                    .header("Docket-Lease-Token", token(j))
                    .header("Content-Type", "text/plain")
                    .PUT(BodyPublishers.ofString("hi")));
    assertThat(r.status()).isEqualTo(201);
  }

  @Test
  void aMultiMegabyteArtifactStreamsInAndOutIntact() throws Exception {
    JsonNode j = running();
    byte[] big = new byte[3 * 1024 * 1024 + 17];
    new Random(7).nextBytes(big);
    Reply put =
        worker
            .api()
            .put(path(j, "blob.bin") + "?lease_token=" + token(j), "application/octet-stream", big);
    assertThat(put.status()).isEqualTo(201);
    HttpResponse<byte[]> got =
        submitter
            .api()
            .http()
            .send(
                submitter.api().request(path(j, "blob.bin")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(got.body()).isEqualTo(big);
    assertThat(got.headers().firstValue("Content-Type")).contains("application/octet-stream");
    assertThat(got.headers().firstValueAsLong("Content-Length")).hasValue(big.length);
    assertThat(got.headers().firstValue("ETag")).contains("\"" + sha256(big) + "\"");
  }

  @Test
  void theSameNameReplacesTheArtifact() {
    JsonNode j = running();
    worker
        .api()
        .put(
            path(j, "out.txt") + "?lease_token=" + token(j),
            "text/plain",
            "one".getBytes(StandardCharsets.UTF_8));
    worker
        .api()
        .put(
            path(j, "out.txt") + "?lease_token=" + token(j),
            "text/plain",
            "two!".getBytes(StandardCharsets.UTF_8));
    assertThat(submitter.api().get(path(j, "out.txt")).body()).isEqualTo("two!");
    JsonNode list =
        submitter
            .api()
            .get("/v1/jobs/" + j.get("id").asText() + "/artifacts")
            .json()
            .get("artifacts");
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("size").asLong()).isEqualTo(4);
  }

  @Test
  void listAndSingleJobResponsesShowTheArtifacts() {
    JsonNode j = running();
    worker
        .api()
        .put(
            path(j, "a.txt") + "?lease_token=" + token(j),
            "text/plain",
            "a".getBytes(StandardCharsets.UTF_8));
    worker
        .api()
        .put(
            path(j, "b.txt") + "?lease_token=" + token(j),
            "text/plain",
            "b".getBytes(StandardCharsets.UTF_8));
    Reply list = submitter.api().get("/v1/jobs/" + j.get("id").asText() + "/artifacts");
    assertThat(list.json().get("artifacts"))
        .extracting(a -> a.get("name").asText())
        .containsExactlyInAnyOrder("a.txt", "b.txt");
    assertThat(submitter.api().get("/v1/jobs/" + j.get("id").asText()).json().get("artifacts"))
        .hasSize(2);
    Reply done =
        worker
            .api()
            .post(
                "/v1/jobs/" + j.get("id").asText() + "/complete",
                "{\"lease_token\":\"" + token(j) + "\"}");
    assertThat(done.json().get("artifacts")).hasSize(2);
  }

  @Test
  void aStaleTokenIsLeaseLostAndStoresNothing() {
    JsonNode j = running();
    Reply r =
        worker
            .api()
            .put(
                path(j, "x.txt") + "?lease_token=lt_stale",
                "text/plain",
                "x".getBytes(StandardCharsets.UTF_8));
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json().get("type").asText()).endsWith("lease-lost");
    assertThat(submitter.api().get(path(j, "x.txt")).status()).isEqualTo(404);
  }

  @Test
  void aWorkerMustSendItsToken() {
    JsonNode j = running();
    Reply r =
        worker.api().put(path(j, "x.txt"), "text/plain", "x".getBytes(StandardCharsets.UTF_8));
    assertThat(r.status()).isEqualTo(400);
    assertThat(JobsApiTest.fields(r)).containsExactly("lease_token");
  }

  @Test
  void anAdminUploadsWithoutAToken() {
    JsonNode j = running();
    Reply r =
        server.admin.put(path(j, "ops.txt"), "text/plain", "x".getBytes(StandardCharsets.UTF_8));
    assertThat(r.status()).isEqualTo(201);
  }

  @Test
  void aBodyOverTheLimitIs413AndStoresNothing() throws Exception {
    JsonNode j = running();
    byte[] tooBig = new byte[(int) LIMIT + 1];
    Reply r =
        worker
            .api()
            .put(
                path(j, "big.bin") + "?lease_token=" + token(j),
                "application/octet-stream",
                tooBig);
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.json().get("type").asText()).endsWith("/payload-too-large");
    // without a Content-Length (chunked) the limit holds while streaming
    Reply chunked =
        worker
            .api()
            .send(
                worker
                    .api()
                    .request(path(j, "big2.bin") + "?lease_token=" + token(j))
                    .PUT(BodyPublishers.ofInputStream(() -> new ZeroStream(LIMIT + 100_000))));
    assertThat(chunked.status()).isEqualTo(413);
    assertThat(
            submitter
                .api()
                .get("/v1/jobs/" + j.get("id").asText() + "/artifacts")
                .json()
                .get("artifacts"))
        .isEmpty();
  }

  @Test
  void anInvalidNameIs400() {
    JsonNode j = running();
    Reply r =
        worker
            .api()
            .put(
                path(j, "bad%20name") + "?lease_token=" + token(j),
                "text/plain",
                "x".getBytes(StandardCharsets.UTF_8));
    assertThat(r.status()).isEqualTo(400);
    assertThat(JobsApiTest.fields(r)).containsExactly("name");
  }

  @Test
  void aMissingArtifactIs404AndAnotherSubmitterSeesNone() {
    JsonNode j = running();
    worker
        .api()
        .put(
            path(j, "a.txt") + "?lease_token=" + token(j),
            "text/plain",
            "a".getBytes(StandardCharsets.UTF_8));
    assertThat(submitter.api().get(path(j, "missing.txt")).status()).isEqualTo(404);
    assertThat(other.api().get(path(j, "a.txt")).status()).isEqualTo(404);
    assertThat(other.api().get("/v1/jobs/" + j.get("id").asText() + "/artifacts").status())
        .isEqualTo(404);
  }

  @Test
  void aMatchingIfNoneMatchIs304() {
    JsonNode j = running();
    JsonNode a =
        worker
            .api()
            .put(
                path(j, "c.txt") + "?lease_token=" + token(j),
                "text/plain",
                "c".getBytes(StandardCharsets.UTF_8))
            .json();
    Reply r =
        submitter
            .api()
            .send(
                submitter
                    .api()
                    .request(path(j, "c.txt"))
                    .header("If-None-Match", "\"" + a.get("sha256").asText() + "\"")
                    .GET());
    assertThat(r.status()).isEqualTo(304);
  }

  private static JsonNode running() {
    String q = newQueue();
    submit(submitter.api(), q, "k");
    return claim(worker.api(), q);
  }

  private static String path(JsonNode j, String name) {
    return "/v1/jobs/" + j.get("id").asText() + "/artifacts/" + name;
  }

  private static String token(JsonNode j) {
    return j.get("lease_token").asText();
  }

  static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  /** {@code n} zero bytes, made up as they are read. */
  static final class ZeroStream extends InputStream {
    private long left;

    ZeroStream(long n) {
      left = n;
    }

    @Override
    public int read() {
      return left-- > 0 ? 0 : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = (int) Math.min(len, left);
      java.util.Arrays.fill(b, off, off + n, (byte) 0);
      left -= n;
      return n;
    }
  }
}

package dev.docket.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docket.adapter.http.edge.EdgeLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the server does before and around the routes: headers, parser errors, slow clients. */
class EdgeTest {
  private static ApiServer server;

  @BeforeAll
  static void start() {
    server =
        ApiServer.start(
            c ->
                c.withRequestLogging(true)
                    .withEdge(
                        new EdgeLimits(
                            100,
                            Duration.ofSeconds(30),
                            Duration.ofSeconds(1),
                            Duration.ofSeconds(2))));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyResponseForbidsSniffingAndFramingAndNamesNoServerVersion() {
    for (Reply r :
        new Reply[] {
          server.anonymous().get("/healthz"),
          server.anonymous().get("/v1/jobs"),
          server.admin.get("/v1/me"),
          server.admin.get("/nowhere")
        }) {
      assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(r.header("Content-Security-Policy"))
          .isEqualTo("default-src 'none'; frame-ancestors 'none'");
      assertThat(r.header("Server")).isNull();
    }
  }

  @Test
  void headersTooLargeAndIllegalCharactersAnswerProblemJson() throws IOException {
    try (RawHttp raw = new RawHttp(server.app.port())) {
      RawHttp.Response big =
          raw.send(
              ("DELETE /v1/jobs HTTP/1.1\r\nHost: x\r\nX-Big: " + "h".repeat(70_000) + "\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      assertThat(big.status()).isEqualTo(431);
      assertThat(big.header("Content-Type")).startsWith("application/problem+json");
      assertThat(new String(big.body(), StandardCharsets.UTF_8)).contains("\"status\":431");
      assertThat(big.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }
    try (RawHttp raw = new RawHttp(server.app.port())) {
      RawHttp.Response bad =
          raw.send(
              "GET /v1/jobs HTTP/1.1\r\nHost: x\r\nX\u0001: y\r\n\r\n"
                  .getBytes(StandardCharsets.ISO_8859_1));
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
    }
  }

  @Test
  void aClientTricklingItsHeadersIsDisconnected() throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.app.port())) {
      s.setSoTimeout(200);
      OutputStream out = s.getOutputStream();
      InputStream in = s.getInputStream();
      out.write("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
      boolean closed = false;
      // one byte every 200 ms keeps the idle timeout (30 s) from ever firing; the 1 s header
      // deadline must close it within a few sweeps
      for (int i = 0; i < 100 && !closed; i++) {
        try {
          out.write('a');
          out.flush();
          closed = in.read() == -1;
        } catch (java.net.SocketTimeoutException stillOpen) {
          // nothing yet
        } catch (SocketException reset) {
          closed = true;
        }
      }
      assertThat(closed).as("the server closed the trickling connection").isTrue();
    }
  }

  @Test
  void aKeyNeverReachesTheLogOrAProblem() {
    String secret = "dk_secret-never-logged-0123456789abcdef";
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    Reply r;
    try {
      r = server.admin.as(secret).get("/v1/jobs?x=" + "1");
      server.admin.as(secret).post("/v1/jobs", "{\"kind\":\"k\"");
      Thread.sleep(300); // the request log line is written after the response
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    } finally {
      System.setErr(original);
    }
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.body()).doesNotContain(secret).doesNotContain("dk_secret");
    assertThat(captured.toString(StandardCharsets.UTF_8))
        .contains("/v1/jobs")
        .doesNotContain(secret)
        .doesNotContain("dk_secret");
  }
}

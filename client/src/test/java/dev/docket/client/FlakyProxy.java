package dev.docket.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A proxy in front of a server that fails in two ways. It first answers {@code refuse} requests
 * itself with the 503 problem document Docket sends when its store is unavailable (nothing reached
 * the server). Then the first {@code lose} requests it forwards reach the server and do their work,
 * but the client gets a plain 503 instead of the answer, as from a gateway whose upstream
 * connection broke after the request was sent.
 */
final class FlakyProxy implements AutoCloseable {
  private static final Set<String> HOP =
      Set.of("connection", "content-length", "host", "transfer-encoding", "upgrade", "expect");

  private final HttpServer server;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String target;
  private final AtomicInteger lose;
  private final AtomicInteger refuse;
  final AtomicInteger forwarded = new AtomicInteger();
  final AtomicInteger freezeStreams = new AtomicInteger();
  private final CountDownLatch closing = new CountDownLatch(1);

  FlakyProxy(String target, int lose) throws IOException {
    this(target, 0, lose);
  }

  FlakyProxy(String target, int refuse, int lose) throws IOException {
    this.target = target;
    this.refuse = new AtomicInteger(refuse);
    this.lose = new AtomicInteger(lose);
    server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
  }

  String url() {
    return "http://localhost:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] body = ex.getRequestBody().readAllBytes();
      if (refuse.getAndDecrement() > 0) {
        byte[] problem =
            ("{\"type\":\"https://docket.dev/problems/store-unavailable\",\"title\":\"Store"
                    + " unavailable\",\"status\":503,\"detail\":\"locked\"}")
                .getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().put("Content-Type", List.of("application/problem+json"));
        ex.getResponseHeaders().put("Retry-After", List.of("1"));
        ex.sendResponseHeaders(503, problem.length);
        ex.getResponseBody().write(problem);
        return;
      }
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(target + ex.getRequestURI()))
              .method(ex.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
      ex.getRequestHeaders()
          .forEach(
              (name, values) -> {
                if (!HOP.contains(name.toLowerCase())) {
                  values.forEach(v -> b.header(name, v));
                }
              });
      HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
      forwarded.incrementAndGet();
      if (lose.getAndDecrement() > 0) {
        r.body().close();
        ex.getResponseHeaders().put("Retry-After", List.of("0"));
        ex.sendResponseHeaders(503, -1);
        return;
      }
      r.headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                  ex.getResponseHeaders().put(name, values);
                }
              });
      ex.sendResponseHeaders(r.statusCode(), r.statusCode() == 204 ? -1 : 0);
      boolean stream =
          r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
      boolean freeze = stream && freezeStreams.getAndDecrement() > 0;
      try (InputStream in = r.body();
          OutputStream out = ex.getResponseBody()) {
        byte[] chunk = new byte[8192];
        for (int n; (n = in.read(chunk)) >= 0; ) {
          out.write(chunk, 0, n);
          out.flush();
          if (freeze) {
            closing.await(120, TimeUnit.SECONDS);
            return;
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
  }
}

package dev.docket.app.serve;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP endpoint on 127.0.0.1 that records every webhook request and answers 500 to the first
 * {@code failFirst} of them, then 204.
 */
final class WebhookReceiver implements AutoCloseable {
  /** One request as received. */
  record Received(String body, String signature, String contentType, int answeredWith) {}

  final List<Received> received = new CopyOnWriteArrayList<>();
  private final HttpServer server;
  private final AtomicInteger remainingFailures;

  WebhookReceiver(int failFirst) throws IOException {
    this.remainingFailures = new AtomicInteger(failFirst);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          String body;
          try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
          int status = remainingFailures.getAndDecrement() > 0 ? 500 : 204;
          received.add(
              new Received(
                  body,
                  exchange.getRequestHeaders().getFirst("Docket-Signature"),
                  exchange.getRequestHeaders().getFirst("Content-Type"),
                  status));
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

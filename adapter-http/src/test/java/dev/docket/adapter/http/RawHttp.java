package dev.docket.adapter.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests {@code java.net.http} refuses to send (illegal
 * characters, bodies on GET, hand-made chunks). Keeps the connection while the server does.
 */
final class RawHttp implements AutoCloseable {
  private final int port;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  /** A response: status, lower-cased header names, body ({@code null} for an event stream). */
  record Response(int status, Map<String, String> headers, byte[] body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  RawHttp(int port) {
    this.port = port;
  }

  Response send(byte[] request) throws IOException {
    for (int attempt = 0; ; attempt++) {
      open();
      try {
        out.write(request);
        out.flush();
        Response r = read();
        String conn = r.header("connection");
        if (r.body() == null || (conn != null && conn.equalsIgnoreCase("close"))) {
          close();
        }
        return r;
      } catch (IOException e) {
        close();
        if (attempt > 0) {
          throw e;
        }
        // a kept connection the server had closed: once more on a fresh one
      }
    }
  }

  private void open() throws IOException {
    if (socket == null) {
      socket = new Socket();
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      socket.setSoTimeout(60_000);
      in = socket.getInputStream();
      out = socket.getOutputStream();
    }
  }

  private Response read() throws IOException {
    String statusLine = line();
    if (statusLine == null) {
      throw new IOException("connection closed before a response");
    }
    int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String l = line(); l != null && !l.isEmpty(); l = line()) {
      int colon = l.indexOf(':');
      headers.merge(
          l.substring(0, colon).strip().toLowerCase(Locale.ROOT),
          l.substring(colon + 1).strip(),
          (a, b) -> a + ", " + b);
    }
    String type = headers.getOrDefault("content-type", "");
    if (type.startsWith("text/event-stream")) {
      return new Response(status, headers, null);
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String te = headers.get("transfer-encoding");
    if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
      for (int size = Integer.parseInt(line().split(";")[0].strip(), 16);
          size > 0;
          size = Integer.parseInt(line().split(";")[0].strip(), 16)) {
        body.write(in.readNBytes(size));
        line();
      }
      while (!line().isEmpty()) {
        // trailers
      }
    } else if (headers.containsKey("content-length")) {
      body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
    } else if (status != 204 && status != 304) {
      body.write(in.readAllBytes());
      close();
    }
    return new Response(status, headers, body.toByteArray());
  }

  private String line() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
      }
      if (c != '\r') {
        b.write(c);
      }
    }
    return b.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing a socket the server already dropped
      }
      socket = null;
    }
  }
}

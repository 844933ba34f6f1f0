package dev.docket.adapter.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * A seeded generator of mutated and malformed requests to every route: broken and odd JSON, wrong
 * types, huge and negative numbers, deep nesting, invalid UTF-8, huge headers and query strings,
 * odd paths and ids, wrong content types and charsets, bodies on GET, chunked bodies and BOMs, with
 * valid and invalid keys of every role.
 */
final class FuzzRequests {
  /** A route: method, path template ({id}, {name}, {queue}, {user}, {key}), a valid body. */
  record Route(String method, String path, String body) {
    String name() {
      return method + " " + path;
    }

    boolean writes() {
      return !method.equals("GET");
    }
  }

  /** One generated request: its route, raw bytes, and whether it was made to be refused. */
  record Generated(Route route, byte[] bytes, boolean hostile) {}

  static final List<Route> ROUTES =
      List.of(
          new Route(
              "POST",
              "/v1/jobs",
              "{\"kind\":\"k\",\"queue\":\"{queue}\",\"payload\":{\"a\":[1,\"x\"]},\"max_attempts\":3}"),
          new Route(
              "POST", "/v1/jobs/batch", "{\"jobs\":[{\"kind\":\"k\",\"queue\":\"{queue}\"}]}"),
          new Route("GET", "/v1/jobs", null),
          new Route("GET", "/v1/jobs/{id}", null),
          new Route("DELETE", "/v1/jobs/{id}", null),
          new Route("POST", "/v1/jobs/{id}/cancel", null),
          new Route("POST", "/v1/jobs/{id}/retry", null),
          new Route(
              "POST",
              "/v1/queues/{queue}/claim",
              "{\"worker_id\":\"w\",\"limit\":1,\"lease_seconds\":30}"),
          new Route("POST", "/v1/jobs/{id}/heartbeat", "{\"lease_token\":\"t\",\"progress\":10}"),
          new Route(
              "POST", "/v1/jobs/{id}/complete", "{\"lease_token\":\"t\",\"result\":{\"ok\":true}}"),
          new Route("POST", "/v1/jobs/{id}/fail", "{\"lease_token\":\"t\",\"error\":\"e\"}"),
          new Route(
              "POST",
              "/v1/jobs/{id}/events",
              "{\"events\":[{\"type\":\"log\",\"data\":{\"m\":\"x\"}}]}"),
          new Route("GET", "/v1/jobs/{id}/events", null),
          new Route("GET", "/v1/jobs/{id}/events/stream", null),
          new Route("PUT", "/v1/jobs/{id}/artifacts/{name}", "artifact bytes"),
          new Route("GET", "/v1/jobs/{id}/artifacts", null),
          new Route("GET", "/v1/jobs/{id}/artifacts/{name}", null),
          new Route("GET", "/v1/jobs/{id}/webhooks", null),
          new Route("GET", "/v1/me", null),
          new Route(
              "POST", "/v1/users", "{\"name\":\"n\",\"email\":\"{email}\",\"roles\":[\"worker\"]}"),
          new Route("GET", "/v1/users", null),
          new Route("GET", "/v1/users/{user}", null),
          new Route("DELETE", "/v1/users/{user}", null),
          new Route("POST", "/v1/users/{user}/keys", "{\"name\":\"k\"}"),
          new Route("GET", "/v1/users/{user}/keys", null),
          new Route("DELETE", "/v1/keys/{key}", null),
          new Route("GET", "/v1/stats", null),
          new Route("GET", "/v1/audit", null),
          new Route("POST", "/v1/admin/prune", "{\"older_than_seconds\":999999999}"),
          new Route("GET", "/healthz", null),
          new Route("GET", "/readyz", null),
          new Route("GET", "/metrics", null),
          new Route("GET", "/openapi.json", null));

  private static final String[] ODD_IDS = {
    "..",
    "%2e%2e",
    "%00",
    "%uFFFF",
    "00000000-0000-0000-0000-00000000000g",
    "not-a-uuid",
    "x".repeat(5000),
    "%C0%AF",
    "%FF%FE",
    "0",
    "-1",
    "%20",
    "a%2Fb",
    "%25"
  };
  private static final String[] BAD_KEYS = {
    "dk_wrong-key-0000000000000000000000000000000", "", "dk_", "\u00e9\u00e9", "x".repeat(3000)
  };
  private static final String[] CONTENT_TYPES = {
    "application/json",
    "application/json;charset=nope",
    "application/json; charset=utf-16",
    "application/json;charset=",
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/problem+json",
    ";;;",
    "application/json;;a=b"
  };
  private static final String[] ODD_VALUES = {
    "null",
    "true",
    "-1",
    "0",
    "1e400",
    "-1e400",
    "99999999999999999999999",
    "-9223372036854775809",
    "1.5",
    "\"\"",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "\"a\\u0000b\"",
    "[]",
    "{}",
    "[[[[]]]]",
    "\"" + "y".repeat(70_000) + "\"",
    "\"2026-13-45T99:00:00Z\"",
    "\"\\udc00x\""
  };

  private final Random random;
  private final Supplier<String> jobId;
  private final Supplier<String> userId;
  private final Supplier<String> keyId;
  private final List<String> validKeys;
  private final String queue;

  FuzzRequests(
      long seed,
      List<String> validKeys,
      Supplier<String> jobId,
      Supplier<String> userId,
      Supplier<String> keyId,
      String queue) {
    this.random = new Random(seed);
    this.validKeys = validKeys;
    this.jobId = jobId;
    this.userId = userId;
    this.keyId = keyId;
    this.queue = queue;
  }

  /** A request; when {@code hostile}, one that must be refused whatever else it carries. */
  Generated next(boolean hostile) {
    Route route = ROUTES.get(random.nextInt(ROUTES.size()));
    boolean v1 = route.path().startsWith("/v1/");
    int refusal = hostile && v1 ? random.nextInt(3) : -1;
    if (refusal == 1 && !route.path().matches(".*\\{(id|user|key)}.*")) {
      refusal = 0;
    }
    String path = path(route, refusal == 1);
    String key = refusal == 0 || random.nextInt(6) == 0 ? badKey() : pick(validKeys);
    String body = route.body() == null ? null : fill(route.body());
    boolean json = route.body() != null && !route.method().equals("PUT");
    if (refusal == 2 && !json) {
      key = badKey();
    }
    if (body != null && random.nextInt(2) == 0) {
      body = mutate(body);
    }
    if (refusal == 2 && json) {
      body =
          body == null || body.length() < 2
              ? "{"
              : body.substring(0, random.nextInt(body.length() - 1) + 1);
      if (body.endsWith("}")) {
        body = "{";
      }
    }
    String method =
        random.nextInt(40) == 0
            ? pick(List.of("PATCH", "OPTIONS", "FOO", "TRACE"))
            : route.method();
    if (hostile && v1 && !method.equals(route.method())) {
      method = route.method();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, method + " " + path + query() + " HTTP/1.1\r\nHost: localhost\r\n");
    if (key != null) {
      write(
          out, "Authorization: " + (random.nextInt(30) == 0 ? "Basic " : "Bearer ") + key + "\r\n");
    }
    headers(out);
    byte[] content = content(body);
    if (content == null && route.method().equals("GET") && random.nextInt(10) == 0) {
      content = "{\"kind\":".getBytes(StandardCharsets.UTF_8);
    }
    if (content != null) {
      if (json || random.nextInt(3) == 0) {
        write(
            out,
            "Content-Type: "
                + (random.nextInt(3) == 0 ? pick(List.of(CONTENT_TYPES)) : "application/json")
                + "\r\n");
      }
      if (random.nextInt(6) == 0) {
        write(out, "Transfer-Encoding: chunked\r\n\r\n");
        chunked(out, content);
      } else {
        write(out, "Content-Length: " + content.length + "\r\n\r\n");
        out.writeBytes(content);
      }
    } else {
      write(out, "Content-Length: 0\r\n\r\n");
    }
    return new Generated(route, out.toByteArray(), refusal >= 0);
  }

  private String path(Route route, boolean missing) {
    String p = route.path();
    if (p.contains("{id}")) {
      p = p.replace("{id}", missing ? java.util.UUID.randomUUID().toString() : id(jobId));
    }
    if (p.contains("{user}")) {
      p = p.replace("{user}", missing ? java.util.UUID.randomUUID().toString() : id(userId));
    }
    if (p.contains("{key}")) {
      p = p.replace("{key}", missing ? java.util.UUID.randomUUID().toString() : id(keyId));
    }
    p = p.replace("{queue}", random.nextInt(8) == 0 ? pick(List.of(ODD_IDS)) : queue);
    p = p.replace("{name}", random.nextInt(8) == 0 ? pick(List.of(ODD_IDS)) : "a.txt");
    if (random.nextInt(40) == 0) {
      p = p + pick(List.of("/..", "/%00", "/%uFFFF", "//", "/x/../../etc", "\u00ff"));
    }
    return p;
  }

  private String id(Supplier<String> real) {
    return random.nextInt(6) == 0 ? pick(List.of(ODD_IDS)) : real.get();
  }

  private String query() {
    return switch (random.nextInt(12)) {
      case 0 -> "?limit=" + pick(List.of("-1", "0", "1001", "99999999999999999999", "x", "%00"));
      case 1 -> "?cursor=" + pick(List.of(ODD_IDS));
      case 2 -> "?q=" + "z".repeat(random.nextBoolean() ? 9000 : 70_000);
      case 3 ->
          "?status="
              + pick(List.of("nope", "queued", "%uFFFF", ""))
              + "&since="
              + pick(List.of("yesterday", "2026-01-01T00:00:00Z", "-1"));
      case 4 -> "?a=%ZZ&b=%";
      default -> "";
    };
  }

  private void headers(ByteArrayOutputStream out) {
    switch (random.nextInt(12)) {
      case 0 ->
          write(
              out,
              "Idempotency-Key: "
                  + pick(List.of("", "k".repeat(300), "\u00e9\u00ff", "a b", "x"))
                  + "\r\n");
      case 1 ->
          write(
              out,
              "Last-Event-ID: "
                  + pick(List.of("-1", "x", "99999999999999999999", "", "1e9", "\u00ff"))
                  + "\r\n");
      case 2 -> write(out, "X-Big: " + "h".repeat(random.nextBoolean() ? 9000 : 70_000) + "\r\n");
      case 3 ->
          out.writeBytes(
              new byte[] {
                'X', '-', 'B', 'a', 'd', ':', ' ', (byte) 0xC3, (byte) 0x28, 0x01, '\r', '\n'
              });
      case 4 ->
          write(
              out,
              "Accept: "
                  + pick(List.of("text/html", "*/*", "application/xml", "text/event-stream"))
                  + "\r\n");
      case 5 -> write(out, "If-None-Match: " + pick(List.of("\"x\"", "*", "")) + "\r\n");
      default -> {}
    }
  }

  private byte[] content(String body) {
    if (body == null) {
      return null;
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return switch (random.nextInt(14)) {
      case 0 -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes);
      case 1 -> concat(bytes, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
      case 2 -> concat(new byte[] {'{', '"', 'k', (byte) 0xFF, '"', ':', '1', '}'}, new byte[0]);
      default -> bytes;
    };
  }

  private String mutate(String body) {
    return switch (random.nextInt(9)) {
      case 0 -> body.substring(0, random.nextInt(body.length()));
      case 1 -> "[".repeat(random.nextInt(5000) + 1);
      case 2 -> "{\"a\":".repeat(random.nextInt(3000) + 1) + "1" + "}".repeat(10);
      case 3 ->
          body.replaceFirst(
              ":(\"[^\"]*\"|[-0-9.e]+|true|false|\\{[^{}]*}|\\[[^\\[\\]]*])",
              ":" + pick(List.of(ODD_VALUES)));
      case 4 -> body.replaceFirst("\\{", "{\"unknown_" + random.nextInt(9) + "\":1,");
      case 5 ->
          pick(
              List.of(
                  "",
                  "null",
                  "[]",
                  "\"s\"",
                  "1",
                  "{}",
                  " ",
                  "{\"kind\":\"\\ud800\"}",
                  "{\"kind\":\"a\\u0000\"}"));
      case 6 ->
          body.replaceFirst(
              "\"k\"",
              "\"" + pick(List.of("\\ud800", "a\\u0000b", "\\udfff", "\\ud83d\\ude00")) + "\"");
      case 7 ->
          body.replace("{\"ok\":true}", "{\"ok\":\"\\u0000\"}")
              .replace("{\"m\":\"x\"}", "{\"\\u0000\":1}");
      default -> body;
    };
  }

  private String fill(String template) {
    return template
        .replace("{queue}", queue)
        .replace("{email}", "fz" + random.nextInt(1_000_000_000) + "@example.com");
  }

  private String badKey() {
    return random.nextInt(8) == 0 ? null : pick(List.of(BAD_KEYS));
  }

  private <T> T pick(List<T> from) {
    return from.get(random.nextInt(from.size()));
  }

  private static void chunked(ByteArrayOutputStream out, byte[] content) {
    int at = 0;
    while (at < content.length) {
      int n = Math.min(content.length - at, 1 + content.length / 3);
      write(out, Integer.toHexString(n) + "\r\n");
      out.write(content, at, n);
      write(out, "\r\n");
      at += n;
    }
    write(out, "0\r\n\r\n");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = new byte[a.length + b.length];
    System.arraycopy(a, 0, c, 0, a.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }
}

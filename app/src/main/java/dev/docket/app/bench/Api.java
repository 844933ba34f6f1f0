package dev.docket.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The load generator's HTTP client: HTTP/1.1 with keep-alive (as most job clients talk), its work
 * on virtual threads. A non-2xx answer is a failure of the run, not a data point.
 */
final class Api implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpClient client;

  Api(URI base) {
    this.base = base;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(executor)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  URI base() {
    return base;
  }

  JsonNode post(String path, String key, String body) throws IOException, InterruptedException {
    HttpRequest.Builder b =
        request(path, key)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    return send(b.build());
  }

  JsonNode get(String path, String key) throws IOException, InterruptedException {
    return send(request(path, key).GET().build());
  }

  private HttpRequest.Builder request(String path, String key) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return b;
  }

  private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    int code = response.statusCode();
    if (code / 100 != 2) {
      throw new BenchFailedException(
          request.method()
              + " "
              + request.uri().getPath()
              + " answered "
              + code
              + ": "
              + abbreviate(response.body()));
    }
    String body = response.body();
    return body == null || body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
  }

  private static String abbreviate(String body) {
    String b = body == null ? "" : body.strip();
    return b.length() > 300 ? b.substring(0, 300) + "…" : b;
  }

  @Override
  public void close() {
    client.close();
    executor.close();
  }
}

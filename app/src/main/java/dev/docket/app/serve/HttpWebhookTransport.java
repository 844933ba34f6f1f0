package dev.docket.app.serve;

import dev.docket.ports.WebhookTransport;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Webhook POSTs over {@link HttpClient}: HTTP/1.1, 10 s to connect and 10 s for the answer, and no
 * redirects (a 3xx counts as a failed attempt; following it would send the signed body somewhere
 * the address policy never checked). The answer's body is read and dropped.
 */
final class HttpWebhookTransport implements WebhookTransport {
  static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final String USER_AGENT = "Docket-Webhooks/1";

  private final HttpClient client;
  private final Duration timeout;

  HttpWebhookTransport() {
    this(TIMEOUT);
  }

  HttpWebhookTransport(Duration timeout) {
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(timeout)
            .build();
  }

  @Override
  public int post(URI url, String body, Map<String, String> headers) throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("User-Agent", USER_AGENT)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while sending a webhook");
    }
  }
}

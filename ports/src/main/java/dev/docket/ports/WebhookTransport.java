package dev.docket.ports;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/** Sends one webhook request. Implementations must not follow redirects and must time out. */
public interface WebhookTransport {

  /**
   * POSTs {@code body} (JSON) to {@code url} with {@code headers}.
   *
   * @return the HTTP status code of the answer, whatever it is
   * @throws IOException when no answer came (refused, reset, timed out, TLS failure…)
   */
  int post(URI url, String body, Map<String, String> headers) throws IOException;
}

package dev.docket.adapter.http.edge;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * The headers every response carries, whichever part of the server writes it: the API serves JSON
 * and event streams only, so nothing may be sniffed as HTML, framed, or load anything. Applied to
 * routed requests as a Jetty customizer and to the parser's own errors by {@code ParserProblems}.
 */
public final class EdgeHeaders implements HttpConfiguration.Customizer {
  public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

  @Override
  public Request customize(Request request, HttpFields.Mutable responseHeaders) {
    apply(responseHeaders);
    return request;
  }

  public static void apply(HttpFields.Mutable headers) {
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
  }
}

package dev.docket.adapter.http;

import dev.docket.adapter.http.wire.Replies;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /openapi.json}: the hand-written description, served from the classpath. */
final class OpenApiHandler {
  static final String RESOURCE = "/dev/docket/adapter/http/openapi.json";

  private final byte[] document;

  OpenApiHandler() {
    this.document = load();
  }

  void get(Context ctx) {
    ctx.status(200).contentType(Replies.JSON).result(document);
  }

  static byte[] load() {
    try (InputStream in = OpenApiHandler.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

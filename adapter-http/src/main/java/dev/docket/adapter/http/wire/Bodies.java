package dev.docket.adapter.http.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docket.adapter.http.problem.ApiException;
import dev.docket.adapter.http.problem.BodyTooLargeException;
import dev.docket.adapter.http.problem.ProblemMapper;
import dev.docket.adapter.http.problem.ProblemType;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Reads JSON request bodies: checks the media type (415), reads at most the configured number of
 * bytes (413), refuses an empty body (400), and binds it to a request record. Jackson's failures
 * travel to {@link ProblemMapper}, which names the offending field.
 */
public final class Bodies {
  private final ObjectMapper json;
  private final long limit;

  public Bodies(ObjectMapper json, long limit) {
    this.json = json;
    this.limit = limit;
  }

  public ObjectMapper json() {
    return json;
  }

  public <T> T read(Context ctx, Class<T> type) throws IOException {
    requireJson(ctx);
    byte[] bytes = readLimited(ctx);
    if (isBlank(bytes)) {
      throw new ApiException(ProblemType.BAD_REQUEST, "a JSON body is required");
    }
    JsonNode tree = json.readTree(bytes);
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      throw new ApiException(ProblemType.MALFORMED_JSON, "the body must be a JSON object");
    }
    StorableText.check(tree);
    T value = json.treeToValue(tree, type);
    if (value == null) {
      throw new ApiException(ProblemType.MALFORMED_JSON, "the body must be a JSON object");
    }
    return value;
  }

  /** Stored form of a JSON value from a request: compact text, or null when absent. */
  public String text(JsonNode node) {
    return node == null ? null : WireJson.text(json, node);
  }

  /** A JSON route accepts {@code application/json} (with any charset) or a {@code +json} type. */
  static void requireJson(Context ctx) {
    // the raw header: the servlet accessor throws on a charset the JVM does not know
    String type = ctx.header("Content-Type");
    if (type == null || type.isBlank()) {
      return;
    }
    String mime = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!mime.equals("application/json") && !mime.endsWith("+json")) {
      throw new ApiException(
          ProblemType.UNSUPPORTED_MEDIA_TYPE, "this route takes application/json, not " + mime);
    }
  }

  private byte[] readLimited(Context ctx) throws IOException {
    long declared = ctx.req().getContentLengthLong();
    if (declared > limit) {
      throw new BodyTooLargeException(limit);
    }
    try (InputStream in = new LimitedInputStream(ctx.req().getInputStream(), limit)) {
      return in.readAllBytes();
    }
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }
}

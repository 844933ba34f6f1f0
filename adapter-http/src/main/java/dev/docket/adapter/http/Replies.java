package dev.docket.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/** Writes JSON responses with the contract's media type. */
final class Replies {
  static final String JSON = "application/json; charset=utf-8";

  private final ObjectMapper json;

  Replies(ObjectMapper json) {
    this.json = json;
  }

  void json(Context ctx, int status, Object body) throws JsonProcessingException {
    ctx.status(status).contentType(JSON).result(json.writeValueAsBytes(body));
  }

  void ok(Context ctx, Object body) throws JsonProcessingException {
    json(ctx, 200, body);
  }

  void created(Context ctx, String location, Object body) throws JsonProcessingException {
    if (location != null) {
      ctx.header("Location", location);
    }
    json(ctx, 201, body);
  }

  static void noContent(Context ctx) {
    ctx.status(204);
  }
}

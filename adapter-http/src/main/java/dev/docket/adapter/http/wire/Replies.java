package dev.docket.adapter.http.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/** Writes JSON responses with the contract's media type. */
public final class Replies {
  public static final String JSON = "application/json; charset=utf-8";

  private final ObjectMapper json;

  public Replies(ObjectMapper json) {
    this.json = json;
  }

  public void json(Context ctx, int status, Object body) throws JsonProcessingException {
    ctx.status(status).contentType(JSON).result(json.writeValueAsBytes(body));
  }

  public void ok(Context ctx, Object body) throws JsonProcessingException {
    json(ctx, 200, body);
  }

  public void created(Context ctx, String location, Object body) throws JsonProcessingException {
    if (location != null) {
      ctx.header("Location", location);
    }
    json(ctx, 201, body);
  }

  public static void noContent(Context ctx) {
    ctx.status(204);
  }
}

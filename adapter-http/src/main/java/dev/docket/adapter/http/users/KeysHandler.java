package dev.docket.adapter.http.users;

import dev.docket.adapter.http.auth.Auth;
import dev.docket.adapter.http.wire.Bodies;
import dev.docket.adapter.http.wire.Params;
import dev.docket.adapter.http.wire.Replies;
import dev.docket.ports.usecase.UserService;
import io.javalin.http.Context;
import java.io.IOException;

/** API keys: create and list under a user, revoke by id. */
public final class KeysHandler {
  private final UserService users;
  private final Bodies bodies;
  private final Replies replies;

  public KeysHandler(UserService users, Bodies bodies, Replies replies) {
    this.users = users;
    this.bodies = bodies;
    this.replies = replies;
  }

  public void create(Context ctx) throws IOException {
    KeyBody b = bodies.read(ctx, KeyBody.class);
    var key = users.createKey(Auth.actor(ctx), UsersHandler.id(ctx), b.name(), b.expiresAt());
    replies.json(ctx, 201, NewKeyView.of(key));
  }

  public void list(Context ctx) throws IOException {
    var keys = users.listKeys(Auth.actor(ctx), UsersHandler.id(ctx));
    replies.ok(ctx, new KeyList(keys.stream().map(KeyView::of).toList()));
  }

  public void revoke(Context ctx) {
    users.revokeKey(Auth.actor(ctx), Params.pathId(ctx, "id", "key"));
    Replies.noContent(ctx);
  }
}

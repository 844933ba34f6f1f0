package dev.docket.adapter.http.users;

import dev.docket.adapter.http.auth.Auth;
import dev.docket.adapter.http.wire.Bodies;
import dev.docket.adapter.http.wire.Params;
import dev.docket.adapter.http.wire.Replies;
import dev.docket.domain.User;
import dev.docket.ports.Page;
import dev.docket.ports.usecase.Actor;
import dev.docket.ports.usecase.UserService;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.UUID;

/** {@code /v1/me} and {@code /v1/users}. */
public final class UsersHandler {
  private final UserService users;
  private final Bodies bodies;
  private final Replies replies;

  public UsersHandler(UserService users, Bodies bodies, Replies replies) {
    this.users = users;
    this.bodies = bodies;
    this.replies = replies;
  }

  public void me(Context ctx) throws IOException {
    Actor actor = Auth.actor(ctx);
    replies.ok(ctx, UserView.of(users.me(actor)));
  }

  public void create(Context ctx) throws IOException {
    UserBody b = bodies.read(ctx, UserBody.class);
    User u = users.create(Auth.actor(ctx), b.name(), b.email(), b.roles());
    replies.created(ctx, "/v1/users/" + u.id(), UserView.of(u));
  }

  public void list(Context ctx) throws IOException {
    Page<User> page = users.list(Auth.actor(ctx), Params.cursor(ctx), Params.limit(ctx));
    replies.ok(
        ctx, new UserList(page.items().stream().map(UserView::of).toList(), page.nextCursor()));
  }

  public void get(Context ctx) throws IOException {
    replies.ok(ctx, UserView.of(users.get(Auth.actor(ctx), id(ctx))));
  }

  public void delete(Context ctx) {
    users.deactivate(Auth.actor(ctx), id(ctx));
    Replies.noContent(ctx);
  }

  public static UUID id(Context ctx) {
    return Params.pathId(ctx, "id", "user");
  }
}

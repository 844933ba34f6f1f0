package dev.docket.adapter.http.auth;

import dev.docket.ports.UnauthorizedException;
import dev.docket.ports.usecase.Actor;
import dev.docket.ports.usecase.UserService;
import io.javalin.http.Context;
import java.util.Locale;

/** Bearer-key authentication of every {@code /v1} route; the actor rides on the context. */
public final class Auth {
  private static final String ACTOR = "docket.actor";
  private static final String BEARER = "bearer ";

  private final UserService users;

  public Auth(UserService users) {
    this.users = users;
  }

  /** Runs before every matched {@code /v1} handler. */
  public void before(Context ctx) {
    ctx.attribute(ACTOR, authenticate(ctx));
  }

  /**
   * @throws UnauthorizedException for a missing or malformed header, or a key that does not
   *     authenticate (the latter is audited by {@link UserService})
   */
  public Actor authenticate(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null
        || header.length() <= BEARER.length()
        || !header.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)
        || header.substring(BEARER.length()).isBlank()) {
      throw new UnauthorizedException("an Authorization: Bearer <api key> header is required");
    }
    return users.authenticate(header.substring(BEARER.length()).strip(), ctx.ip());
  }

  public static Actor actor(Context ctx) {
    Actor actor = ctx.attribute(ACTOR);
    if (actor == null) {
      throw new IllegalStateException("route " + ctx.path() + " ran without authentication");
    }
    return actor;
  }
}

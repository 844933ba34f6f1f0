package dev.docket.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docket.client.error.ConflictException;
import dev.docket.client.error.ValidationException;
import dev.docket.client.model.ApiKey;
import dev.docket.client.model.NewApiKey;
import dev.docket.client.model.NewUser;
import dev.docket.client.model.Page;
import dev.docket.client.model.User;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Users and their keys. Creating, deactivating and revoking are repeated only when the server
 * surely did not act (a repeated create would answer 409 for the duplicate email).
 */
public final class UsersApi {
  private final Transport t;

  UsersApi(Transport t) {
    this.t = t;
  }

  /** The caller's own user. */
  public User me() {
    return t.json("GET", "v1/me", null, Replay.ANY_FAILURE, User.class);
  }

  /**
   * Creates a user (admin).
   *
   * @throws ConflictException the email is taken
   * @throws ValidationException a field is invalid, e.g. an unknown role
   */
  public User create(NewUser user) {
    return t.json("POST", "v1/users", user, Replay.UNSENT_ONLY, User.class);
  }

  /** One page of users (admin); {@code limit} and {@code cursor} may be null. */
  public Page<User> list(Integer limit, String cursor) {
    String q = new Query().add("limit", limit).add("cursor", cursor).toString();
    return Lists.page(t.json("GET", "v1/users" + q, null, Replay.ANY_FAILURE), "users", User.class);
  }

  /** A user (admin). */
  public User get(String id) {
    return t.json("GET", "v1/users/" + Transport.seg(id), null, Replay.ANY_FAILURE, User.class);
  }

  /** Deactivates a user and revokes its keys (admin); its jobs stay. */
  public void deactivate(String id) {
    t.json("DELETE", "v1/users/" + Transport.seg(id), null, Replay.UNSENT_ONLY);
  }

  /** Creates a key for a user (admin, or the user itself); {@code expiresAt} may be null. */
  public NewApiKey createKey(String userId, String name, Instant expiresAt) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    if (expiresAt != null) {
      body.put("expires_at", expiresAt);
    }
    return t.json(
        "POST",
        "v1/users/" + Transport.seg(userId) + "/keys",
        body,
        Replay.UNSENT_ONLY,
        NewApiKey.class);
  }

  /** A user's keys, without secrets. */
  public List<ApiKey> keys(String userId) {
    JsonNode body =
        t.json("GET", "v1/users/" + Transport.seg(userId) + "/keys", null, Replay.ANY_FAILURE);
    return Lists.items(body, "keys", ApiKey.class);
  }

  /** Revokes a key (admin, or the key's user). */
  public void revokeKey(String keyId) {
    t.json("DELETE", "v1/keys/" + Transport.seg(keyId), null, Replay.UNSENT_ONLY);
  }
}

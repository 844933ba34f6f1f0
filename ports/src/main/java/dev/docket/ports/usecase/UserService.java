package dev.docket.ports.usecase;

import dev.docket.domain.ApiKey;
import dev.docket.domain.FieldError;
import dev.docket.domain.Ids;
import dev.docket.domain.Json;
import dev.docket.domain.Role;
import dev.docket.domain.Rules;
import dev.docket.domain.User;
import dev.docket.ports.ApiKeyRepository;
import dev.docket.ports.ConflictException;
import dev.docket.ports.NotFoundException;
import dev.docket.ports.Page;
import dev.docket.ports.UnauthorizedException;
import dev.docket.ports.UserRepository;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Users, their API keys, and authentication by key. */
public final class UserService {
  static final String KEY_PREFIX = "dk_";
  static final int PREFIX_LENGTH = 12;
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
  static final int TOUCHED_MAX = 10_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final UserRepository users;
  private final ApiKeyRepository keys;
  private final AuditService audit;
  private final Clock clock;
  private final Map<UUID, Instant> lastTouched = new ConcurrentHashMap<>();
  private final FailedAuthCoalescing coalescing = new FailedAuthCoalescing();

  public UserService(UserRepository users, ApiKeyRepository keys, AuditService audit, Clock clock) {
    this.users = users;
    this.keys = keys;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The caller behind a raw key. Failures are audited as {@code auth.failed}.
   *
   * @throws UnauthorizedException for a missing, unknown, revoked or expired key or an inactive
   *     user
   */
  public Actor authenticate(String rawKey, String remoteAddr) {
    Instant now = clock.instant();
    String hash = Fingerprint.sha256(rawKey == null ? "" : rawKey);
    Optional<ApiKey> key = keys.findByHash(hash);
    boolean matches =
        key.isPresent() && MessageDigest.isEqual(key.get().keyHash().getBytes(), hash.getBytes());
    if (!matches || !key.get().isUsableAt(now)) {
      throw failed(remoteAddr, key.isEmpty() ? "unknown key" : "revoked or expired key", rawKey);
    }
    User user = users.find(key.get().userId()).filter(User::active).orElse(null);
    if (user == null) {
      throw failed(remoteAddr, "inactive user", rawKey);
    }
    touch(key.get(), now);
    return Actor.of(user, remoteAddr);
  }

  /**
   * Audits a failed authentication, counted into a row per remote address and minute (see {@link
   * FailedAuthCoalescing}), so that a flood of bad keys cannot fill the disk.
   */
  private UnauthorizedException failed(String remoteAddr, String why, String rawKey) {
    String prefix =
        rawKey == null ? "" : rawKey.substring(0, Math.min(PREFIX_LENGTH, rawKey.length()));
    Instant now = clock.instant();
    String key = coalescing.key(now, remoteAddr, why, prefix);
    boolean folded = key.endsWith("|*");
    String details =
        "{\"reason\":"
            + Json.quote(folded ? "several" : why)
            + ",\"key_prefix\":"
            + Json.quote(folded ? "" : prefix)
            + ",\"count\":1}";
    audit.recordCoalesced(remoteAddr, "auth.failed", "key", details, key);
    return new UnauthorizedException("invalid API key");
  }

  /**
   * Records use at most once a minute per key, so authentication is not a write per request. The
   * map of last writes forgets entries older than a minute (they no longer hold a write back)
   * whenever it reaches {@link #TOUCHED_MAX}; if every entry is recent it is emptied, which costs
   * at most one extra write per key.
   */
  private void touch(ApiKey key, Instant now) {
    Instant last = lastTouched.get(key.id());
    if (last == null || !now.isBefore(last.plus(TOUCH_EVERY))) {
      if (lastTouched.size() >= TOUCHED_MAX) {
        lastTouched.values().removeIf(t -> now.isAfter(t.plus(TOUCH_EVERY)));
        if (lastTouched.size() >= TOUCHED_MAX) {
          lastTouched.clear();
        }
      }
      lastTouched.put(key.id(), now);
      keys.touch(key.id(), now);
    }
  }

  /** How many keys' last writes are remembered at most (see {@link #touch}). */
  int touchedSize() {
    return lastTouched.size();
  }

  /**
   * Creates a user (admin only).
   *
   * @throws ConflictException when the email is taken
   */
  public User create(Actor actor, String name, String email, List<String> roles) {
    Access.requireAdmin(actor);
    List<FieldError> errors = new ArrayList<>();
    Rules.name("name", name, errors);
    Rules.email("email", email, errors);
    Set<Role> parsed = parseRoles(roles, errors);
    Rules.throwIfAny(errors);
    Instant now = clock.instant();
    User user = new User(Ids.newId(now), name, email.toLowerCase(Locale.ROOT), parsed, true, now);
    users.insert(user);
    audit.record(
        actor,
        "user.create",
        "user",
        user.id().toString(),
        "{\"email\":"
            + Json.quote(user.email())
            + ",\"roles\":"
            + Json.quote(String.join(",", roles))
            + "}");
    return user;
  }

  /** The caller's own user. */
  public User me(Actor actor) {
    if (actor.userId() == null) {
      throw new NotFoundException("user", actor.id());
    }
    return users.find(actor.userId()).orElseThrow(() -> new NotFoundException("user", actor.id()));
  }

  /** A user, for admins (a user reads itself through {@link #me}). */
  public User get(Actor actor, UUID id) {
    Access.requireAdmin(actor);
    return users.find(id).orElseThrow(() -> new NotFoundException("user", id));
  }

  public Page<User> list(Actor actor, UUID afterId, int limit) {
    Access.requireAdmin(actor);
    return users.list(afterId, limit);
  }

  /** Deactivates the user and revokes its keys; its jobs stay. */
  public void deactivate(Actor actor, UUID id) {
    Access.requireAdmin(actor);
    User user = users.find(id).orElseThrow(() -> new NotFoundException("user", id));
    users.update(user.deactivated());
    int revoked = keys.revokeAllOf(id, clock.instant());
    audit.record(
        actor, "user.deactivate", "user", id.toString(), "{\"keys_revoked\":" + revoked + "}");
  }

  /** A new key for {@code userId} (admin, or the user itself); the secret is returned once. */
  public NewKey createKey(Actor actor, UUID userId, String name, Instant expiresAt) {
    ownOrAdmin(actor, userId);
    List<FieldError> errors = new ArrayList<>();
    Rules.name("name", name, errors);
    Instant now = clock.instant();
    if (expiresAt != null && !expiresAt.isAfter(now)) {
      errors.add(new FieldError("expires_at", "must be in the future"));
    }
    Rules.throwIfAny(errors);
    users
        .find(userId)
        .filter(User::active)
        .orElseThrow(() -> new NotFoundException("user", userId));
    NewKey key = newKey(userId, name, now, expiresAt, null);
    audit.record(
        actor,
        "key.create",
        "key",
        key.key().id().toString(),
        "{\"user_id\":" + Json.quote(userId.toString()) + ",\"name\":" + Json.quote(name) + "}");
    return key;
  }

  public List<ApiKey> listKeys(Actor actor, UUID userId) {
    ownOrAdmin(actor, userId);
    users.find(userId).orElseThrow(() -> new NotFoundException("user", userId));
    return keys.listByUser(userId);
  }

  /** Revokes a key (admin, or the key's user; another user's key is not found). */
  public void revokeKey(Actor actor, UUID keyId) {
    ApiKey key = keys.find(keyId).orElseThrow(() -> new NotFoundException("key", keyId));
    if (!actor.isAdmin() && !actor.is(key.userId())) {
      throw new NotFoundException("key", keyId);
    }
    keys.revoke(keyId, clock.instant());
    audit.record(actor, "key.revoke", "key", keyId.toString(), "{}");
  }

  /**
   * On an empty store: creates the {@code admin} user with a key, {@code presetKey} when given (32
   * characters or more), else a random one.
   *
   * @return the key to print, or empty when the store already has users
   */
  public synchronized Optional<String> bootstrapAdmin(String presetKey) {
    if (presetKey != null && presetKey.length() < 32) {
      throw dev.docket.domain.ValidationException.of(
          "DOCKET_BOOTSTRAP_ADMIN_KEY", "must be at least 32 characters");
    }
    if (users.count() > 0) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    User admin =
        new User(Ids.newId(now), "admin", "admin@localhost", Set.of(Role.ADMIN), true, now);
    try {
      users.insert(admin);
    } catch (ConflictException raced) {
      // another server instance bootstrapped the same empty store at the same moment
      return Optional.empty();
    }
    NewKey key = newKey(admin.id(), "bootstrap", now, null, presetKey);
    audit.record(
        "system", null, "user.create", "user", admin.id().toString(), "{\"bootstrap\":true}");
    return Optional.of(key.secret());
  }

  private NewKey newKey(UUID userId, String name, Instant now, Instant expiresAt, String preset) {
    String secret = preset != null ? preset : randomSecret();
    String prefix = secret.substring(0, Math.min(PREFIX_LENGTH, secret.length()));
    ApiKey key =
        new ApiKey(
            Ids.newId(now),
            userId,
            name,
            Fingerprint.sha256(secret),
            prefix,
            now,
            null,
            expiresAt,
            null);
    keys.insert(key);
    return new NewKey(key, secret);
  }

  /** {@code dk_} and 43 base64url characters: 256 random bits. */
  static String randomSecret() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static void ownOrAdmin(Actor actor, UUID userId) {
    if (!actor.isAdmin() && !actor.is(userId)) {
      throw new NotFoundException("user", userId);
    }
  }

  private static Set<Role> parseRoles(List<String> roles, List<FieldError> errors) {
    Set<Role> out = new java.util.HashSet<>();
    if (roles == null || roles.isEmpty()) {
      errors.add(new FieldError("roles", "must name at least one role"));
      return out;
    }
    for (int i = 0; i < roles.size(); i++) {
      try {
        out.add(Role.fromWire("roles[" + i + "]", roles.get(i)));
      } catch (dev.docket.domain.ValidationException e) {
        errors.addAll(e.errors());
      }
    }
    return out;
  }
}

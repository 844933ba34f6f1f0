package dev.docket.ports.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docket.domain.ApiKey;
import dev.docket.domain.AuditEntry;
import dev.docket.domain.Backoff;
import dev.docket.domain.FieldError;
import dev.docket.domain.Role;
import dev.docket.domain.User;
import dev.docket.domain.ValidationException;
import dev.docket.ports.AuditQuery;
import dev.docket.ports.ConflictException;
import dev.docket.ports.ForbiddenException;
import dev.docket.ports.NotFoundException;
import dev.docket.ports.UnauthorizedException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Users, keys, authentication and their audit trail. */
public abstract class UserServiceContract extends ServiceContract {
  private static final String KEY_FORMAT = "dk_[A-Za-z0-9_-]{43}";

  /** Moved by hand for expiry and the touch interval; starts now so keys made "now" are valid. */
  private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));

  @Override
  protected DocketConfig config() {
    return new DocketConfig(Backoff.DEFAULT, 500, 500, clock);
  }

  private UserService users() {
    return docket.users();
  }

  private User createUser(String email, String... roles) {
    return users().create(admin, "Name of " + email, email, List.of(roles));
  }

  private List<AuditEntry> audited(String action) {
    // a tool actor, so that tests on an empty store can read the trail too
    return docket
        .audit()
        .list(Actor.system("test"), new AuditQuery(action, null, null, null, null, 100))
        .items();
  }

  private ApiKey storedKey(NewKey key) {
    return store.keys().find(key.key().id()).orElseThrow();
  }

  // ---- bootstrap -------------------------------------------------------------------------

  @Test
  @EmptyStore
  void bootstrapOnAnEmptyStoreMakesAnAdminAndGivesItsKeyOnce() {
    Optional<String> key = users().bootstrapAdmin(null);

    assertThat(key).hasValueSatisfying(k -> assertThat(k).matches(KEY_FORMAT));
    Actor actor = users().authenticate(key.get(), "127.0.0.1");
    assertThat(actor.isAdmin()).isTrue();
    assertThat(users().bootstrapAdmin(null)).isEmpty();
    assertThat(store.users().count()).isEqualTo(1);
    assertThat(audited("user.create"))
        .singleElement()
        .satisfies(e -> assertThat(e.resourceId()).isEqualTo(actor.userId().toString()));
  }

  @Test
  @EmptyStore
  void bootstrapUsesAPresetKeyOf32CharactersExactly() {
    String preset = "p".repeat(32);

    assertThat(users().bootstrapAdmin(preset)).contains(preset);
    assertThat(users().authenticate(preset, null).isAdmin()).isTrue();
  }

  @Test
  @EmptyStore
  void aPresetKeyUnder32CharactersIsRejectedAndNothingIsCreated() {
    assertThatThrownBy(() -> users().bootstrapAdmin("p".repeat(31)))
        .isInstanceOf(ValidationException.class);
    assertThat(store.users().count()).isZero();
  }

  @Test
  @EmptyStore
  void serversBootstrappingAtOnceMakeOneAdminAndNoneFails() throws Exception {
    // several server instances on one empty database, each with its own services
    List<UserService> servers = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      servers.add(Docket.create(store, config(), dev.docket.ports.JobListener.NONE).users());
    }
    java.util.concurrent.atomic.AtomicInteger next =
        new java.util.concurrent.atomic.AtomicInteger();
    List<Optional<String>> printed = new java.util.concurrent.CopyOnWriteArrayList<>();
    String preset = "preset-bootstrap-key-".repeat(2);

    runConcurrently(
        4, () -> printed.add(servers.get(next.getAndIncrement()).bootstrapAdmin(preset)));

    assertThat(store.users().count()).isEqualTo(1);
    assertThat(printed).hasSize(4).filteredOn(Optional::isPresent).hasSize(1);
    assertThat(users().authenticate(preset, null).isAdmin()).isTrue();
  }

  @Test
  void bootstrapDoesNothingWhenUsersExist() {
    long before = store.users().count();

    assertThat(users().bootstrapAdmin(null)).isEmpty();
    assertThat(users().bootstrapAdmin("q".repeat(40))).isEmpty();
    assertThat(store.users().count()).isEqualTo(before);
  }

  // ---- users -----------------------------------------------------------------------------

  @Test
  void adminCreatesAUserWithRolesAndItIsAudited() {
    User user = createUser("Dev@Example.test", "submitter", "worker");

    assertThat(user.roles()).containsExactlyInAnyOrder(Role.SUBMITTER, Role.WORKER);
    assertThat(user.active()).isTrue();
    assertThat(user.email()).isEqualTo("dev@example.test");
    assertThat(users().get(admin, user.id())).isEqualTo(user);
    assertThat(audited("user.create"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actorId()).isEqualTo(admin.id());
              assertThat(e.resource()).isEqualTo("user");
              assertThat(e.resourceId()).isEqualTo(user.id().toString());
              assertThat(e.remoteAddr()).isEqualTo(admin.remoteAddr());
            });
  }

  @Test
  void aDuplicateEmailIsAConflictWhateverItsCase() {
    createUser("ops@example.test", "submitter");

    assertThatThrownBy(() -> createUser("ops@example.test", "worker"))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> createUser("OPS@example.test", "worker"))
        .isInstanceOf(ConflictException.class);
    assertThat(audited("user.create")).hasSize(1);
  }

  @Test
  void anUnknownRoleIsNamedByItsIndex() {
    assertThatThrownBy(() -> createUser("a@example.test", "submitter", "superuser"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("roles[1]"));
  }

  @Test
  void everyInvalidUserFieldIsNamed() {
    assertThatThrownBy(() -> users().create(admin, " ", "not-an-email", List.of()))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactlyInAnyOrder("name", "email", "roles"));
  }

  @Test
  void onlyAnAdminManagesUsers() {
    Actor both = actor(Role.SUBMITTER, Role.WORKER);

    assertThatThrownBy(() -> users().create(both, "x", "x@example.test", List.of("worker")))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> users().list(both, null, 10)).isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> users().deactivate(both, submitter.userId()))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> users().get(both, submitter.userId()))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> users().get(both, both.userId()))
        .isInstanceOf(ForbiddenException.class);
    assertThat(users().me(both).id()).isEqualTo(both.userId());
  }

  @Test
  void adminListsUsersNewestFirst() {
    User a = createUser("a@example.test", "worker");
    User b = createUser("b@example.test", "worker");

    List<User> listed = users().list(admin, null, 2).items();

    assertThat(listed).extracting(User::id).containsExactly(b.id(), a.id());
  }

  // ---- keys ------------------------------------------------------------------------------

  @Test
  void aNewKeyIsDk43Base64UrlCharactersWithATwelveCharacterPrefixAndOnlyItsHashIsStored() {
    User user = createUser("k@example.test", "worker");

    NewKey key = users().createKey(admin, user.id(), "laptop", null);

    assertThat(key.secret()).matches(KEY_FORMAT).hasSize(46);
    assertThat(key.key().keyPrefix()).isEqualTo(key.secret().substring(0, 12));
    ApiKey stored = storedKey(key);
    assertThat(stored.keyHash())
        .isNotEqualTo(key.secret())
        .doesNotContain(key.secret().substring(3));
    assertThat(stored.keyHash()).isEqualTo(Fingerprint.sha256(key.secret()));
    assertThat(stored.userId()).isEqualTo(user.id());
    assertThat(stored.name()).isEqualTo("laptop");
    assertThat(users().listKeys(admin, user.id()))
        .extracting(ApiKey::id)
        .containsExactly(key.key().id());
  }

  @Test
  void keysAreUnique() {
    User user = createUser("k@example.test", "worker");

    String a = users().createKey(admin, user.id(), "a", null).secret();
    String b = users().createKey(admin, user.id(), "b", null).secret();

    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void aKeyMustExpireInTheFutureAndHaveAName() {
    User user = createUser("k@example.test", "worker");

    assertThatThrownBy(() -> users().createKey(admin, user.id(), "", clock.instant()))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactlyInAnyOrder("name", "expires_at"));
  }

  @Test
  void aUserManagesItsOwnKeysButNotAnotherUsers() {
    Actor other = actor(Role.SUBMITTER);
    NewKey mine = users().createKey(submitter, submitter.userId(), "mine", null);
    NewKey theirs = users().createKey(admin, other.userId(), "theirs", null);

    assertThat(users().listKeys(submitter, submitter.userId()))
        .extracting(ApiKey::id)
        .containsExactly(mine.key().id());
    assertThatThrownBy(() -> users().createKey(submitter, other.userId(), "x", null))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> users().listKeys(submitter, other.userId()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> users().revokeKey(submitter, theirs.key().id()))
        .isInstanceOf(NotFoundException.class);
    assertThat(storedKey(theirs).revokedAt()).isNull();

    users().revokeKey(submitter, mine.key().id());

    assertThat(storedKey(mine).revokedAt()).isNotNull();
  }

  @Test
  void keysOfADeactivatedUserCannotBeMade() {
    User user = createUser("gone@example.test", "worker");
    users().deactivate(admin, user.id());

    assertThatThrownBy(() -> users().createKey(admin, user.id(), "late", null))
        .isInstanceOf(NotFoundException.class);
  }

  // ---- authentication --------------------------------------------------------------------

  @Test
  void aValidKeyAuthenticatesAsItsUser() {
    User user = createUser("w@example.test", "worker", "submitter");
    NewKey key = users().createKey(admin, user.id(), "ci", null);

    Actor actor = users().authenticate(key.secret(), "198.51.100.7");

    assertThat(actor.userId()).isEqualTo(user.id());
    assertThat(actor.id()).isEqualTo(user.id().toString());
    assertThat(actor.roles()).isEqualTo(Set.of(Role.WORKER, Role.SUBMITTER));
    assertThat(actor.remoteAddr()).isEqualTo("198.51.100.7");
    assertThat(audited("auth.failed")).isEmpty();
  }

  @Test
  void anUnknownKeyIsUnauthorizedAndAudited() {
    String unknown = "dk_" + "A".repeat(43);

    assertThatThrownBy(() -> users().authenticate(unknown, "203.0.113.9"))
        .isInstanceOf(UnauthorizedException.class);
    assertThatThrownBy(() -> users().authenticate(null, "203.0.113.9"))
        .isInstanceOf(UnauthorizedException.class);
    assertThat(audited("auth.failed"))
        .hasSize(2)
        .anySatisfy(
            e -> {
              assertThat(e.actorId()).isNull();
              assertThat(e.remoteAddr()).isEqualTo("203.0.113.9");
              assertThat(e.details()).contains("dk_AAAAAAAAA").doesNotContain("A".repeat(43));
            });
  }

  @Test
  void aRevokedKeyIsUnauthorizedAndAudited() {
    User user = createUser("r@example.test", "worker");
    NewKey key = users().createKey(admin, user.id(), "old", null);
    users().revokeKey(admin, key.key().id());

    assertThatThrownBy(() -> users().authenticate(key.secret(), null))
        .isInstanceOf(UnauthorizedException.class);
    assertThat(audited("auth.failed")).hasSize(1);
    assertThat(audited("key.revoke"))
        .singleElement()
        .satisfies(e -> assertThat(e.resourceId()).isEqualTo(key.key().id().toString()));
  }

  @Test
  void anExpiredKeyIsUnauthorized() {
    User user = createUser("e@example.test", "worker");
    NewKey key =
        users().createKey(admin, user.id(), "temp", clock.instant().plus(Duration.ofHours(1)));
    assertThat(users().authenticate(key.secret(), null).userId()).isEqualTo(user.id());

    clock.advance(Duration.ofHours(1));

    assertThatThrownBy(() -> users().authenticate(key.secret(), null))
        .isInstanceOf(UnauthorizedException.class);
    assertThat(audited("auth.failed")).hasSize(1);
  }

  @Test
  void aKeyOfAnInactiveUserIsUnauthorized() {
    User user = createUser("i@example.test", "worker");
    NewKey key = users().createKey(admin, user.id(), "k", null);
    store.users().update(user.deactivated());

    assertThatThrownBy(() -> users().authenticate(key.secret(), null))
        .isInstanceOf(UnauthorizedException.class);
    assertThat(audited("auth.failed"))
        .singleElement()
        .satisfies(e -> assertThat(e.details()).contains("inactive"));
  }

  @Test
  void lastUsedIsRecordedAtMostOnceAMinute() {
    User user = createUser("t@example.test", "worker");
    NewKey key = users().createKey(admin, user.id(), "k", null);
    assertThat(storedKey(key).lastUsedAt()).isNull();
    Instant first = clock.instant();

    users().authenticate(key.secret(), null);
    assertThat(storedKey(key).lastUsedAt()).isEqualTo(first);

    clock.advance(Duration.ofSeconds(30));
    users().authenticate(key.secret(), null);
    assertThat(storedKey(key).lastUsedAt()).isEqualTo(first);

    clock.advance(Duration.ofSeconds(31));
    users().authenticate(key.secret(), null);
    assertThat(storedKey(key).lastUsedAt()).isEqualTo(first.plusSeconds(61));
  }

  @Test
  void aFloodOfBadKeysFromOneAddressCountsIntoAFewRowsAMinute() {
    int flood = 300;
    for (int i = 0; i < flood; i++) {
      String bad = "dk_flood" + i + "-" + "x".repeat(30);
      assertThatThrownBy(() -> users().authenticate(bad, "203.0.113.50"))
          .isInstanceOf(UnauthorizedException.class);
    }
    List<AuditEntry> rows = audited("auth.failed");
    assertThat(rows).hasSizeLessThanOrEqualTo(FailedAuthCoalescing.DISTINCT_PER_ADDRESS + 1);
    assertThat(rows.stream().mapToLong(UserServiceContract::count).sum()).isEqualTo(flood);
    assertThat(rows).allSatisfy(e -> assertThat(e.remoteAddr()).isEqualTo("203.0.113.50"));

    clock.advance(Duration.ofMinutes(1));
    assertThatThrownBy(() -> users().authenticate("dk_flood0-" + "x".repeat(30), "203.0.113.50"))
        .isInstanceOf(UnauthorizedException.class);
    assertThat(audited("auth.failed")).hasSize(rows.size() + 1);
  }

  @Test
  void failuresFromManyAddressesInOneMinuteShareABoundedNumberOfRows() {
    int addresses = FailedAuthCoalescing.ADDRESSES_PER_MINUTE + 200;
    for (int i = 0; i < addresses; i++) {
      String from = "10." + (i / 256) + "." + (i % 256) + ".1";
      assertThatThrownBy(() -> users().authenticate("dk_same-bad-key-0000000000000000", from))
          .isInstanceOf(UnauthorizedException.class);
    }
    long rows =
        docket
            .audit()
            .list(Actor.system("test"), new AuditQuery("auth.failed", null, null, null, null, 1000))
            .items()
            .size();
    // one page of 1000 holds them all only if the overflow shared a row
    assertThat(rows).isLessThanOrEqualTo(FailedAuthCoalescing.ADDRESSES_PER_MINUTE + 1);
  }

  @Test
  void theLastUsedMemoryStaysBoundedWhateverTheNumberOfKeys() {
    User user = createUser("many@example.test", "worker");
    NewKey key = users().createKey(admin, user.id(), "k", null);
    for (int i = 0; i < 3; i++) {
      users().authenticate(key.secret(), null);
      clock.advance(Duration.ofMinutes(2));
    }
    assertThat(users().touchedSize()).isBetween(1, UserService.TOUCHED_MAX);
  }

  private static long count(AuditEntry e) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"count\"\\s*:\\s*(\\d+)").matcher(e.details());
    assertThat(m.find()).as("a count in %s", e.details()).isTrue();
    return Long.parseLong(m.group(1));
  }

  // ---- deactivation ----------------------------------------------------------------------

  @Test
  void deactivatingAUserRevokesItsKeysAndIsAudited() {
    User user = createUser("d@example.test", "worker");
    NewKey a = users().createKey(admin, user.id(), "a", null);
    NewKey b = users().createKey(admin, user.id(), "b", null);

    users().deactivate(admin, user.id());

    assertThat(users().get(admin, user.id()).active()).isFalse();
    assertThat(users().listKeys(admin, user.id()))
        .allSatisfy(k -> assertThat(k.revokedAt()).isNotNull());
    assertThatThrownBy(() -> users().authenticate(a.secret(), null))
        .isInstanceOf(UnauthorizedException.class);
    assertThatThrownBy(() -> users().authenticate(b.secret(), null))
        .isInstanceOf(UnauthorizedException.class);
    assertThat(audited("user.deactivate"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.resourceId()).isEqualTo(user.id().toString());
              assertThat(e.details()).contains("\"keys_revoked\":2");
            });
  }

  @Test
  void deactivatingAnUnknownUserIsNotFound() {
    assertThatThrownBy(
            () ->
                users()
                    .deactivate(
                        admin, java.util.UUID.fromString("01941a2b-0000-7000-8000-0000000000ff")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void keyCreationAndRevocationAreAudited() {
    User user = createUser("a@example.test", "worker");

    NewKey key = users().createKey(admin, user.id(), "ci-runner", null);
    users().revokeKey(admin, key.key().id());

    assertThat(audited("key.create"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.resourceId()).isEqualTo(key.key().id().toString());
              assertThat(e.details()).contains(user.id().toString()).doesNotContain(key.secret());
            });
    assertThat(audited("key.revoke")).hasSize(1);
  }

  @Test
  void onlyAdminsReadTheAuditTrail() {
    assertThatThrownBy(
            () -> docket.audit().list(submitter, new AuditQuery(null, null, null, null, null, 10)))
        .isInstanceOf(ForbiddenException.class);
  }
}

package dev.docket.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docket.domain.ApiKey;
import dev.docket.domain.AuditEntry;
import dev.docket.domain.Role;
import dev.docket.domain.User;
import dev.docket.ports.UnauthorizedException;
import dev.docket.ports.usecase.Actor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code docket users …} and {@code docket keys …} on a real store. */
abstract class UsersKeysCommandsContract extends StoreCase {
  private static final Pattern KEY_LINE = Pattern.compile("(?m)^key\\s+(dk_\\S+)$");
  private static final Pattern ID_LINE = Pattern.compile("(?m)^id\\s+(\\S+)$");

  private UUID createUser(String name, String... roles) throws Exception {
    String[] args = new String[6 + roles.length * 2 + 1];
    int i = 0;
    args[i++] = "users";
    args[i++] = "create";
    args[i++] = "--name";
    args[i++] = name;
    args[i++] = "--email";
    args[i++] = name + "@example.com";
    for (String r : roles) {
      args[i++] = "--role";
      args[i++] = r;
    }
    args[i] = "--json";
    Cli run = docket(args);
    assertThat(run.exitCode()).as("%s", run).isZero();
    return UUID.fromString(json(run).get("id").asText());
  }

  @Test
  void createMakesAUserWithItsRolesAuditedAsCli() throws Exception {
    Cli run =
        docket(
            "users",
            "create",
            "--name",
            "Carol",
            "--email",
            "Carol@Example.com",
            "--role",
            "submitter",
            "--role",
            "worker");

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out()).matches("created user \\S+ \\(carol@example.com, submitter,worker\\)\n");
    User carol = store.users().findByEmail("carol@example.com").orElseThrow();
    assertThat(carol.roles()).containsExactlyInAnyOrder(Role.SUBMITTER, Role.WORKER);
    List<AuditEntry> entries = audit("user.create");
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).actorId()).isEqualTo("cli");
    assertThat(entries.get(0).resourceId()).isEqualTo(carol.id().toString());
  }

  @Test
  void rolesMayBeCommaSeparatedAndJsonShowsTheUser() throws Exception {
    Cli run =
        docket(
            "users",
            "create",
            "--name",
            "Dan",
            "--email",
            "dan@example.com",
            "--role",
            "admin,worker",
            "--json");

    JsonNode u = json(run);
    assertThat(u.get("email").asText()).isEqualTo("dan@example.com");
    assertThat(u.get("active").asBoolean()).isTrue();
    assertThat(u.get("roles")).hasSize(2);
    assertThat(u.get("roles").get(0).asText()).isEqualTo("admin");
  }

  @Test
  void badInputIsAUsageErrorAndATakenEmailAFailure() throws Exception {
    createUser("erin", "submitter");

    Cli role =
        docket("users", "create", "--name", "x", "--email", "x@example.com", "--role", "boss");
    Cli missing = docket("users", "create", "--name", "x", "--email", "x@example.com");
    Cli taken =
        docket(
            "users",
            "create",
            "--name",
            "erin2",
            "--email",
            "erin@example.com",
            "--role",
            "worker");

    assertThat(role.exitCode()).isEqualTo(2);
    assertThat(role.errLines()).hasSize(1);
    assertThat(role.err()).contains("unknown role 'boss'");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("--role");
    assertThat(taken.exitCode()).isEqualTo(1);
    assertThat(taken.errLines()).hasSize(1);
    assertThat(taken.err()).startsWith("docket: ");
    assertThat(store.users().count()).isEqualTo(1);
  }

  @Test
  void listShowsEveryUserNewestFirst() throws Exception {
    UUID first = createUser("fay", "submitter");
    UUID second = createUser("gus", "worker");

    Cli table = docket("users", "list");
    Cli json = docket("users", "list", "--json");

    assertThat(table.exitCode()).as("%s", table).isZero();
    assertThat(table.outLines()).hasSize(3);
    assertThat(table.outLines().get(1)).startsWith(second.toString()).contains("gus@example.com");
    assertThat(table.outLines().get(2)).startsWith(first.toString()).contains("yes");
    JsonNode users = json(json).get("users");
    assertThat(users).hasSize(2);
    assertThat(users.get(0).get("id").asText()).isEqualTo(second.toString());
  }

  @Test
  void deactivateStopsTheUserAndRevokesItsKeys() throws Exception {
    UUID user = createUser("hal", "submitter");
    Cli key = docket("keys", "create", "--user", user.toString(), "--name", "laptop");
    String secret = secret(key);

    Cli run = docket("users", "deactivate", user.toString());

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out()).startsWith("deactivated user " + user);
    assertThat(store.users().find(user).orElseThrow().active()).isFalse();
    assertThat(store.keys().listByUser(user))
        .allSatisfy(k -> assertThat(k.revokedAt()).isNotNull());
    assertThatThrownBy(() -> seed.docket().users().authenticate(secret, null))
        .isInstanceOf(UnauthorizedException.class);
    List<AuditEntry> entries = audit("user.deactivate");
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).actorId()).isEqualTo("cli");
  }

  @Test
  void deactivatingAnUnknownUserFails() {
    String id = "01890000-0000-7000-8000-000000000001";

    Cli run = docket("users", "deactivate", id);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errLines()).containsExactly("docket: user " + id + " not found");
  }

  private static String secret(Cli run) {
    assertThat(run.exitCode()).as("%s", run).isZero();
    Matcher m = KEY_LINE.matcher(run.out());
    assertThat(m.find()).as("key line in %s", run.out()).isTrue();
    return m.group(1);
  }

  @Test
  void keysCreatePrintsTheSecretOnceAndStoresOnlyItsHash() throws Exception {
    UUID user = createUser("ida", "worker");

    Cli run = docket("keys", "create", "--user", user.toString(), "--name", "ci");

    String secret = secret(run);
    assertThat(run.out()).contains("(shown once: it is stored hashed and cannot be shown again)");
    Matcher id = ID_LINE.matcher(run.out());
    assertThat(id.find()).isTrue();
    ApiKey stored = store.keys().find(UUID.fromString(id.group(1))).orElseThrow();
    assertThat(stored.keyHash()).isNotEqualTo(secret).doesNotContain(secret);
    assertThat(secret).startsWith(stored.keyPrefix());
    Actor actor = seed.docket().users().authenticate(secret, null);
    assertThat(actor.userId()).isEqualTo(user);
    Cli list = docket("keys", "list", "--user", user.toString());
    Cli listJson = docket("keys", "list", "--user", user.toString(), "--json");
    assertThat(list.out()).contains("ci", stored.keyPrefix(), "active").doesNotContain(secret);
    assertThat(listJson.out()).doesNotContain(secret).doesNotContain(stored.keyHash());
    List<AuditEntry> entries = audit("key.create");
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).actorId()).isEqualTo("cli");
  }

  @Test
  void keysCreateTakesAnExpiryAsADurationOrATime() throws Exception {
    UUID user = createUser("jo", "worker");
    Instant before = Instant.now();

    JsonNode in90days =
        json(
            docket(
                "keys",
                "create",
                "--user",
                user.toString(),
                "--name",
                "a",
                "--expires",
                "90d",
                "--json"));
    JsonNode at =
        json(
            docket(
                "keys",
                "create",
                "--user",
                user.toString(),
                "--name",
                "b",
                "--expires",
                "2099-01-02T03:04:05Z",
                "--json"));
    Cli past =
        docket(
            "keys",
            "create",
            "--user",
            user.toString(),
            "--name",
            "c",
            "--expires",
            "2001-01-01T00:00:00Z");

    Instant expires = Instant.parse(in90days.get("expires_at").asText());
    assertThat(expires)
        .isBetween(
            before.plus(Duration.ofDays(90)).minusSeconds(5),
            Instant.now().plus(Duration.ofDays(90)));
    assertThat(in90days.get("key").asText()).startsWith("dk_");
    assertThat(at.get("expires_at").asText()).isEqualTo("2099-01-02T03:04:05Z");
    assertThat(past.exitCode()).isEqualTo(2);
    assertThat(past.errLines()).containsExactly("docket: expires_at: must be in the future");
  }

  @Test
  void keysRevokeStopsTheKeyAndIsAudited() throws Exception {
    UUID user = createUser("kim", "worker");
    JsonNode created =
        json(docket("keys", "create", "--user", user.toString(), "--name", "old", "--json"));
    String keyId = created.get("id").asText();

    Cli run = docket("keys", "revoke", keyId);

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out()).isEqualTo("revoked key " + keyId + "\n");
    assertThatThrownBy(() -> seed.docket().users().authenticate(created.get("key").asText(), null))
        .isInstanceOf(UnauthorizedException.class);
    assertThat(docket("keys", "list", "--user", user.toString()).out()).contains("revoked");
    List<AuditEntry> entries = audit("key.revoke");
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).actorId()).isEqualTo("cli");
    assertThat(entries.get(0).resourceId()).isEqualTo(keyId);
  }

  @Test
  void keysOfAnUnknownUserFail() {
    String id = "01890000-0000-7000-8000-000000000002";

    Cli list = docket("keys", "list", "--user", id);
    Cli create = docket("keys", "create", "--user", id, "--name", "x");

    assertThat(list.exitCode()).isEqualTo(1);
    assertThat(list.errLines()).containsExactly("docket: user " + id + " not found");
    assertThat(create.exitCode()).isEqualTo(1);
    assertThat(create.errLines()).containsExactly("docket: user " + id + " not found");
  }
}

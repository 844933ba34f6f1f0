package dev.docket.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UsersApiTest {
  static ApiServer server;

  @BeforeAll
  static void start() {
    server = ApiServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void meAnswersTheCallersUser() {
    ApiServer.User u = server.user("submitter", "worker");
    Reply r = u.api().get("/v1/me");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("id").asText()).isEqualTo(u.id());
    assertThat(r.json().get("roles"))
        .extracting(JsonNode::asText)
        .containsExactly("submitter", "worker");
    assertThat(server.admin.get("/v1/me").json().get("roles"))
        .extracting(JsonNode::asText)
        .containsExactly("admin");
  }

  @Test
  void createAnswers201WithTheUser() {
    Reply r =
        server.admin.post(
            "/v1/users",
            "{\"name\":\"CI\",\"email\":\"CI-bot@Example.com\",\"roles\":[\"submitter\"]}");
    assertThat(r.status()).isEqualTo(201);
    JsonNode u = r.json();
    assertThat(u.fieldNames())
        .toIterable()
        .containsExactly("id", "name", "email", "roles", "active", "created_at");
    assertThat(u.get("name").asText()).isEqualTo("CI");
    assertThat(u.get("email").asText()).isEqualTo("ci-bot@example.com");
    assertThat(u.get("active").asBoolean()).isTrue();
    assertThat(r.header("Location")).isEqualTo("/v1/users/" + u.get("id").asText());
    assertThat(server.admin.get("/v1/users/" + u.get("id").asText()).json()).isEqualTo(u);
  }

  @Test
  void aDuplicateEmailIs409() {
    String body = "{\"name\":\"a\",\"email\":\"dup@example.com\",\"roles\":[\"worker\"]}";
    assertThat(server.admin.post("/v1/users", body).status()).isEqualTo(201);
    Reply r = server.admin.post("/v1/users", body);
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json().get("type").asText()).endsWith("/conflict");
  }

  @Test
  void anUnknownRoleIs400() {
    Reply r =
        server.admin.post(
            "/v1/users", "{\"name\":\"a\",\"email\":\"r@example.com\",\"roles\":[\"root\"]}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(JobsApiTest.fields(r)).containsExactly("roles[0]");
    Reply none =
        server.admin.post(
            "/v1/users", "{\"name\":\"a\",\"email\":\"r2@example.com\",\"roles\":[]}");
    assertThat(JobsApiTest.fields(none)).containsExactly("roles");
  }

  @Test
  void listPagesUsersNewestFirst() {
    server.user("worker");
    server.user("worker");
    Reply p1 = server.admin.get("/v1/users?limit=1");
    assertThat(p1.json().get("users")).hasSize(1);
    String cursor = p1.json().get("next_cursor").asText();
    Reply p2 = server.admin.get("/v1/users?limit=1&cursor=" + cursor);
    assertThat(p2.json().get("users").get(0).get("id").asText())
        .isLessThan(p1.json().get("users").get(0).get("id").asText());
    Reply all = server.admin.get("/v1/users?limit=1000");
    assertThat(all.json().has("next_cursor")).isFalse();
  }

  @Test
  void deleteDeactivatesTheUserAndItsKeysStopWorking() {
    ApiServer.User u = server.user("submitter");
    assertThat(u.api().get("/v1/me").status()).isEqualTo(200);
    assertThat(server.admin.delete("/v1/users/" + u.id()).status()).isEqualTo(204);
    assertThat(server.admin.get("/v1/users/" + u.id()).json().get("active").asBoolean()).isFalse();
    Reply r = u.api().get("/v1/me");
    assertThat(r.status()).isEqualTo(401);
    JsonNode keys = server.admin.get("/v1/users/" + u.id() + "/keys").json().get("keys");
    assertThat(keys.get(0).get("revoked_at").isNull()).isFalse();
  }

  @Test
  void unknownUsersAre404() {
    String missing = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
    assertThat(server.admin.get("/v1/users/" + missing).status()).isEqualTo(404);
    assertThat(server.admin.delete("/v1/users/" + missing).status()).isEqualTo(404);
    assertThat(server.admin.get("/v1/users/not-a-uuid").status()).isEqualTo(404);
  }

  @Test
  void createKeyShowsTheSecretOnceWithItsPrefix() {
    ApiServer.User u = server.user("submitter");
    Reply r =
        u.api()
            .post(
                "/v1/users/" + u.id() + "/keys",
                "{\"name\":\"laptop\",\"expires_at\":\"2099-01-01T00:00:00Z\"}");
    assertThat(r.status()).isEqualTo(201);
    JsonNode k = r.json();
    assertThat(k.fieldNames())
        .toIterable()
        .containsExactly("id", "name", "key", "key_prefix", "created_at", "expires_at");
    assertThat(k.get("key").asText()).matches("dk_[A-Za-z0-9_-]{43}");
    assertThat(k.get("key_prefix").asText()).isEqualTo(k.get("key").asText().substring(0, 12));
    assertThat(k.get("expires_at").asText()).isEqualTo("2099-01-01T00:00:00.000Z");
    assertThat(server.admin.as(k.get("key").asText()).get("/v1/me").json().get("id").asText())
        .isEqualTo(u.id());
    JsonNode listed = u.api().get("/v1/users/" + u.id() + "/keys").json().get("keys");
    assertThat(listed).hasSize(2);
    for (JsonNode key : listed) {
      assertThat(key.fieldNames())
          .toIterable()
          .containsExactly(
              "id", "name", "key_prefix", "created_at", "last_used_at", "expires_at", "revoked_at");
    }
  }

  @Test
  void aKeyThatExpiresInThePastIsRejected() {
    ApiServer.User u = server.user("submitter");
    Reply r =
        u.api()
            .post(
                "/v1/users/" + u.id() + "/keys",
                "{\"name\":\"old\",\"expires_at\":\"" + Instant.now().minusSeconds(60) + "\"}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(JobsApiTest.fields(r)).containsExactly("expires_at");
  }

  @Test
  void anotherUsersKeysAreNotFound() {
    ApiServer.User a = server.user("submitter");
    ApiServer.User b = server.user("submitter");
    assertThat(a.api().get("/v1/users/" + b.id() + "/keys").status()).isEqualTo(404);
    assertThat(a.api().post("/v1/users/" + b.id() + "/keys", "{\"name\":\"x\"}").status())
        .isEqualTo(404);
    assertThat(a.api().delete("/v1/keys/" + b.keyId()).status()).isEqualTo(404);
    assertThat(b.api().get("/v1/me").status()).isEqualTo(200);
  }

  @Test
  void revokingAKeyMakesItUnusable() {
    ApiServer.User u = server.user("worker");
    Reply second = u.api().post("/v1/users/" + u.id() + "/keys", "{\"name\":\"second\"}");
    String secondKey = second.json().get("key").asText();
    assertThat(u.api().delete("/v1/keys/" + second.json().get("id").asText()).status())
        .isEqualTo(204);
    assertThat(server.admin.as(secondKey).get("/v1/me").status()).isEqualTo(401);
    assertThat(u.api().get("/v1/me").status()).isEqualTo(200);
    assertThat(server.admin.delete("/v1/keys/" + u.keyId()).status()).isEqualTo(204);
    assertThat(u.api().get("/v1/me").status()).isEqualTo(401);
  }
}

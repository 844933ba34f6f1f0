package dev.docket.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest.BodyPublishers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every failure, whoever finds it (core, Jackson, Javalin), is RFC 9457 problem+json. */
class ProblemsTest {
  static ApiServer server;
  static ApiServer.User submitter;

  @BeforeAll
  static void start() {
    server = ApiServer.start(c -> c.withJsonBodyLimit(64 * 1024));
    submitter = server.user("submitter");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void anUnknownRouteIsA404Problem() {
    assertProblem(server.admin.get("/v1/nope"), 404, "not-found");
    assertProblem(server.anonymous().get("/nothing/here"), 404, "not-found");
  }

  @Test
  void aWrongMethodIsA405Problem() {
    assertProblem(server.admin.method("PATCH", "/v1/jobs", "{}"), 405, "method-not-allowed");
    Reply r = server.admin.delete("/v1/jobs");
    assertProblem(r, 405, "method-not-allowed");
    assertThat(r.header("Allow")).contains("GET").contains("POST");
  }

  @Test
  void malformedJsonIsA400Problem() {
    Reply r = submitter.api().post("/v1/jobs", "{\"kind\": ");
    assertProblem(r, 400, "malformed-json");
    assertProblem(submitter.api().post("/v1/jobs", "[1,2]"), 400, "malformed-json");
    assertProblem(
        submitter.api().post("/v1/jobs", "{\"kind\":\"k\"} trailing"), 400, "malformed-json");
  }

  @Test
  void anUnknownFieldIsRejectedNamingIt() {
    Reply r = submitter.api().post("/v1/jobs", "{\"kind\":\"k\",\"priorty\":3}");
    assertProblem(r, 400, "validation");
    assertThat(r.json().get("detail").asText()).contains("priorty");
    assertThat(JobsApiTest.fields(r)).containsExactly("priorty");
  }

  @Test
  void aValueOfTheWrongTypeNamesTheField() {
    Reply r = submitter.api().post("/v1/jobs", "{\"kind\":\"k\",\"priority\":\"high\"}");
    assertProblem(r, 400, "validation");
    assertThat(JobsApiTest.fields(r)).containsExactly("priority");
    assertThat(JobsApiTest.fields(submitter.api().post("/v1/jobs", "{\"kind\":7}")))
        .containsExactly("kind");
    assertThat(
            JobsApiTest.fields(
                submitter.api().post("/v1/jobs", "{\"kind\":\"k\",\"priority\":1.5}")))
        .containsExactly("priority");
    Reply time = submitter.api().post("/v1/jobs", "{\"kind\":\"k\",\"run_at\":\"tomorrow\"}");
    assertThat(JobsApiTest.fields(time)).containsExactly("run_at");
    assertThat(
            JobsApiTest.fields(
                submitter.api().post("/v1/jobs", "{\"kind\":\"k\",\"run_at\":12345}")))
        .containsExactly("run_at");
    Reply overflow = submitter.api().post("/v1/jobs", "{\"kind\":\"k\",\"priority\":99999999999}");
    assertThat(overflow.json().get("errors").get(0).get("message").asText())
        .isEqualTo("is out of range");
    assertThat(JobsApiTest.fields(overflow)).containsExactly("priority");
  }

  @Test
  void duplicateKeysAndAbsurdNestingAreMalformed() {
    assertProblem(
        submitter.api().post("/v1/jobs", "{\"kind\":\"a\",\"kind\":\"b\"}"), 400, "malformed-json");
    String deep = "{\"kind\":\"k\",\"payload\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
    assertProblem(submitter.api().post("/v1/jobs", deep), 400, "malformed-json");
  }

  @Test
  void anotherContentTypeOnAJsonRouteIs415() {
    Reply r =
        submitter
            .api()
            .send(
                submitter
                    .api()
                    .request("/v1/jobs")
                    .header("Content-Type", "text/plain")
                    .POST(BodyPublishers.ofString("{\"kind\":\"k\"}")));
    assertProblem(r, 415, "unsupported-media-type");
    Reply charset =
        submitter
            .api()
            .send(
                submitter
                    .api()
                    .request("/v1/jobs")
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(BodyPublishers.ofString("{\"kind\":\"k\"}")));
    assertThat(charset.status()).isEqualTo(201);
  }

  @Test
  void aBodyOverTheJsonLimitIs413() {
    String big = "{\"kind\":\"k\",\"payload\":\"" + "x".repeat(70 * 1024) + "\"}";
    assertProblem(submitter.api().post("/v1/jobs", big), 413, "payload-too-large");
  }

  @Test
  void anEmptyBodyOnAJsonRouteIs400() {
    assertProblem(submitter.api().post("/v1/jobs", ""), 400, "bad-request");
    assertProblem(
        submitter.api().send(submitter.api().request("/v1/jobs").POST(BodyPublishers.noBody())),
        400,
        "bad-request");
    assertProblem(submitter.api().post("/v1/jobs", "null"), 400, "malformed-json");
  }

  @Test
  void aMalformedIdInAPathIsNotFound() {
    assertProblem(submitter.api().get("/v1/jobs/not-a-uuid"), 404, "not-found");
    assertProblem(submitter.api().post("/v1/jobs/123/cancel", null), 404, "not-found");
    assertProblem(server.admin.delete("/v1/keys/zzz"), 404, "not-found");
  }

  @Test
  void badQueryParametersAre400NamingThem() {
    Reply r = submitter.api().get("/v1/jobs?limit=abc");
    assertProblem(r, 400, "validation");
    assertThat(JobsApiTest.fields(r)).containsExactly("limit");
    assertThat(JobsApiTest.fields(submitter.api().get("/v1/jobs?cursor=xyz")))
        .containsExactly("cursor");
    assertThat(JobsApiTest.fields(submitter.api().get("/v1/jobs?owner_id=xyz")))
        .containsExactly("owner_id");
  }

  @Test
  void unknownQueryParametersAreIgnored() {
    assertThat(submitter.api().get("/v1/jobs?colour=blue").status()).isEqualTo(200);
  }

  @Test
  void aMissingOrMalformedAuthorizationIs401WithABearerChallenge() {
    for (Reply r :
        new Reply[] {
          server.anonymous().get("/v1/jobs"),
          server
              .anonymous()
              .send(
                  server
                      .anonymous()
                      .request("/v1/jobs")
                      .header("Authorization", "Basic dXNlcjpwYXNz")
                      .GET()),
          server
              .anonymous()
              .send(
                  server.anonymous().request("/v1/jobs").header("Authorization", "Bearer ").GET()),
          server.admin.as("dk_unknown-key-000000000000").get("/v1/jobs")
        }) {
      assertProblem(r, 401, "unauthorized");
      assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer");
    }
  }

  @Test
  void aForbiddenCallIs403() {
    assertProblem(submitter.api().get("/v1/users"), 403, "forbidden");
  }

  @Test
  void timesAlwaysCarryThreeFractionDigits() {
    Reply r =
        submitter.api().post("/v1/jobs", "{\"kind\":\"k\",\"run_at\":\"2030-05-06T07:08:09Z\"}");
    assertThat(r.json().get("run_at").asText()).isEqualTo("2030-05-06T07:08:09.000Z");
  }

  static void assertProblem(Reply r, int status, String typeSuffix) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    JsonNode p = r.json();
    assertThat(p.get("type").asText()).startsWith("https://").endsWith("/" + typeSuffix);
    assertThat(p.get("title").asText()).isNotBlank();
    assertThat(p.get("status").asInt()).isEqualTo(status);
    assertThat(p.get("detail").asText()).isNotBlank();
  }
}

package dev.docket.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docket.domain.Job;
import dev.docket.domain.Role;
import dev.docket.ports.usecase.Actor;
import dev.docket.ports.usecase.NewKey;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code docket db dump} on a real store. */
abstract class DbDumpContract extends StoreCase {
  Actor alice;
  NewKey key;
  Job running;

  @BeforeEach
  void fill() throws Exception {
    alice = seed.user("alice", Role.SUBMITTER);
    Actor worker = seed.user("worker", Role.WORKER);
    key = seed.docket().users().createKey(Seed.SYSTEM, alice.userId(), "laptop", null);
    running = seed.running(alice, worker, "q", 10);
    store
        .artifacts()
        .put(
            running.id(),
            "out.txt",
            "text/plain",
            new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)),
            j -> {});
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbcUrl());
        java.sql.Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO settings (name, value) VALUES ('webhook_secret', 'whsec-do-not-leak')");
    }
  }

  private String jdbcUrl() {
    return db.startsWith("sqlite:") ? "jdbc:" + db : db;
  }

  private static List<String> names(JsonNode tables) {
    List<String> out = new ArrayList<>();
    tables.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void everyTableIsDumpedWithSecretsHashedTokensRedactedAndChunkSizes() throws Exception {
    Cli run = docket("db", "dump");

    assertThat(run.exitCode()).as("%s", run.err()).isZero();
    assertThat(run.out())
        .doesNotContain(key.secret())
        .doesNotContain(running.leaseToken())
        .doesNotContain("whsec-do-not-leak");
    JsonNode dump = json(run);
    assertThat(dump.get("backend").asText()).isEqualTo(backend.name());
    assertThat(dump.get("schema_version").asInt()).isPositive();
    JsonNode tables = dump.get("tables");
    assertThat(names(tables))
        .contains(
            "users",
            "api_keys",
            "jobs",
            "job_events",
            "artifacts",
            "artifact_chunks",
            "audit_log",
            "flyway_schema_history");
    assertThat(tables.get("users")).hasSize(2);
    assertThat(tables.get("api_keys")).hasSize(1);
    assertThat(tables.get("api_keys").get(0).get("key_hash").asText())
        .isEqualTo(key.key().keyHash());
    JsonNode job = tables.get("jobs").get(0);
    assertThat(job.get("id").asText()).isEqualTo(running.id().toString());
    assertThat(job.get("lease_token").asText()).isEqualTo("<redacted>");
    assertThat(tables.get("job_events")).hasSize((int) running.eventCount());
    JsonNode chunk = tables.get("artifact_chunks").get(0);
    assertThat(chunk.has("data")).isFalse();
    assertThat(chunk.get("data_bytes").asInt()).isEqualTo(5);
    assertThat(tables.get("audit_log").size()).isGreaterThanOrEqualTo(3);
    assertThat(tables.get("settings").get(0).get("name").asText()).isEqualTo("webhook_secret");
    assertThat(tables.get("settings").get(0).get("value").asText()).isEqualTo("<redacted>");
  }

  @Test
  void blobsPutsChunkBytesInBase64() throws Exception {
    Cli run = docket("db", "dump", "--blobs");

    assertThat(run.exitCode()).as("%s", run.err()).isZero();
    JsonNode dump = json(run);
    assertThat(dump.get("blobs").asText()).isEqualTo("base64");
    JsonNode chunk = dump.get("tables").get("artifact_chunks").get(0);
    assertThat(
            new String(
                Base64.getDecoder().decode(chunk.get("data").asText()), StandardCharsets.UTF_8))
        .isEqualTo("hello");
  }
}

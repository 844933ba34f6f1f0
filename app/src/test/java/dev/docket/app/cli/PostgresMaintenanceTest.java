package dev.docket.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docket.domain.Role;
import dev.docket.ports.usecase.Actor;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code docket db backup|restore|reset} on PostgreSQL. */
class PostgresMaintenanceTest extends StoreCase {
  @TempDir Path dir;

  @Override
  Backend backend() {
    return new PostgresBackend();
  }

  @Test
  void backupRefusesAndPointsAtPgDump() {
    Path target = dir.resolve("b.db");

    Cli run = docket("db", "backup", target.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err())
        .startsWith("docket: db backup copies SQLite databases only")
        .contains("pg_dump");
    assertThat(target).doesNotExist();
  }

  @Test
  void restoreRefusesAndPointsAtPgRestore() {
    Cli run = docket("db", "restore", dir.resolve("b.db").toString(), "--force");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).contains("pg_restore");
  }

  @Test
  void resetEmptiesEveryTableAndKeepsTheSchema() throws Exception {
    Actor alice = seed.user("alice", Role.SUBMITTER);
    seed.submit(alice, "q", "k");

    Cli refused = docket("db", "reset");
    long usersAfterRefusal = store.users().count();
    Cli run = docket("db", "reset", "--force");

    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(usersAfterRefusal).isEqualTo(1);
    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out()).contains(": emptied ").contains("tables (the schema stays)");
    assertThat(store.users().count()).isZero();
    assertThat(audit("admin.reset"))
        .singleElement()
        .satisfies(e -> assertThat(e.actorId()).isEqualTo("cli"));
    assertThat(audit(null)).hasSize(1);
    assertThat(
            json(docket("db", "query", "SELECT count(*) AS n FROM jobs")).get(0).get("n").asLong())
        .isZero();
    assertThat(json(docket("db", "info", "--json")).get("schema_version").asInt()).isPositive();
  }
}

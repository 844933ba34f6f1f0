package dev.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docket.adapter.sqlite.SqliteStoreAdmin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code db} commands and the command line's error contract, on real SQLite files. */
class CliTest {
  private static final int SCHEMA = SqliteStoreAdmin.bundledSchemaVersion();

  @TempDir Path dir;

  private CliRun docket(String... args) {
    return CliRun.of(Map.of(), args);
  }

  private String url(Path file) {
    return "sqlite:" + file;
  }

  @Test
  void theBuildCarriesMigrations() {
    assertThat(SCHEMA).isPositive();
  }

  @Test
  void migrateCreatesTheFolderAndFileAndPrintsTheSchemaVersion() {
    Path db = dir.resolve("new/folder/docket.db");

    CliRun first = docket("--db", url(db), "db", "migrate");
    CliRun again = docket("--db", url(db), "db", "migrate");

    assertThat(first.exitCode()).as("%s", first).isZero();
    assertThat(first.out())
        .isEqualTo(
            "schema version "
                + SCHEMA
                + " (applied "
                + SCHEMA
                + " migration"
                + (SCHEMA == 1 ? "" : "s")
                + ")\n");
    assertThat(first.err()).isEmpty();
    assertThat(db).isRegularFile();
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).isEqualTo("schema version " + SCHEMA + " (up to date)\n");
  }

  @Test
  void migratePrintsJsonWithJson() {
    Path db = dir.resolve("docket.db");

    CliRun run = docket("db", "migrate", "--json", "--db", url(db));

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out().strip())
        .startsWith("{\"backend\":\"sqlite\",")
        .contains("\"previous_schema_version\":0")
        .contains("\"schema_version\":" + SCHEMA)
        .contains("\"migrations_applied\":" + SCHEMA)
        .endsWith("}");
  }

  @Test
  void theDatabaseComesFromDocketDbWhenNoOptionIsGiven() {
    Path db = dir.resolve("from-env.db");

    CliRun run = CliRun.of(Map.of("DOCKET_DB", url(db)), "db", "migrate");

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(db).isRegularFile();
  }

  @Test
  void infoShowsBackendSchemaSizeJournalModeAndRowsPerTable() {
    Path db = dir.resolve("docket.db");
    docket("--db", url(db), "db", "migrate");

    CliRun run = docket("--db", url(db), "db", "info");

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out())
        .contains("backend         sqlite\n")
        .contains("database        " + db + "\n")
        .contains("schema version  " + SCHEMA + "\n")
        .containsPattern("server version  SQLite 3\\.\\d+")
        .containsPattern("size            \\d")
        .contains("journal mode    wal\n")
        .containsPattern("\n  jobs +0\n")
        .containsPattern("\n  users +0\n")
        .containsPattern("\n  job_events +0\n")
        .doesNotContain("flyway_schema_history");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void infoWithJsonCountsRowsPerTable() {
    Path db = dir.resolve("docket.db");
    docket("--db", url(db), "db", "migrate");

    CliRun run = docket("--json", "--db", url(db), "db", "info");

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out().strip())
        .startsWith("{\"backend\":\"sqlite\",\"location\":")
        .contains("\"schema_version\":" + SCHEMA)
        .contains("\"supported_schema_version\":" + SCHEMA)
        .containsPattern("\"size_bytes\":[1-9]\\d*")
        .contains("\"journal_mode\":\"wal\"")
        .contains("\"jobs\":0")
        .contains("\"users\":0");
  }

  @Test
  void infoOnAMissingDatabaseSaysHowToCreateIt() {
    Path db = dir.resolve("absent.db");

    CliRun run = docket("--db", url(db), "db", "info");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errLines())
        .containsExactly(
            "docket: no database at " + db + " (docket db migrate or docket serve creates it)");
    assertThat(db).doesNotExist();
  }

  @Test
  void checkRunsTheIntegrityCheck() {
    Path db = dir.resolve("docket.db");
    docket("--db", url(db), "db", "migrate");

    CliRun human = docket("--db", url(db), "db", "check");
    CliRun json = docket("--db", url(db), "db", "check", "--json");

    assertThat(human.exitCode()).as("%s", human).isZero();
    assertThat(human.out()).isEqualTo("ok: integrity_check ok; schema version " + SCHEMA + "\n");
    assertThat(json.exitCode()).isZero();
    assertThat(json.out().strip())
        .startsWith("{\"ok\":true,\"backend\":\"sqlite\"")
        .contains("\"detail\":\"integrity_check ok\"")
        .contains("\"problems\":[]");
  }

  @Test
  void aFolderThatCannotBeCreatedIsOneLineAndExitOne() throws Exception {
    Path blocker = Files.writeString(dir.resolve("plain-file"), "not a folder");
    Path db = blocker.resolve("sub/docket.db");

    CliRun run = docket("--db", url(db), "db", "migrate");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err())
        .startsWith("docket: cannot create the folder " + blocker.resolve("sub"))
        .contains("for the database " + db);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aFileThatIsNotADatabaseIsOneLineAndExitOne() throws Exception {
    Path db = Files.writeString(dir.resolve("x.db"), "hello, I am a text file\n".repeat(20));

    for (String command : new String[] {"migrate", "info", "check"}) {
      CliRun run = docket("--db", url(db), "db", command);

      assertThat(run.exitCode()).as("db %s: %s", command, run).isEqualTo(1);
      assertThat(run.errLines())
          .containsExactly("docket: " + db + " is not a Docket database (file is not a database)");
    }
    assertThat(Files.readString(db)).startsWith("hello, I am a text file");
  }

  @Test
  void aSqliteDatabaseOfAnotherApplicationIsRefused() throws Exception {
    Path db = dir.resolve("other.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)");
    }

    CliRun run = docket("--db", url(db), "db", "migrate");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errLines())
        .containsExactly(
            "docket: "
                + db
                + " is not a Docket database (it holds tables but no Docket schema history)");
  }

  @Test
  void aSchemaNewerThanTheBuildIsOneLineAndExitOne() throws Exception {
    Path db = dir.resolve("newer.db");
    docket("--db", url(db), "db", "migrate");
    int future = SCHEMA + 7;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
              + " checksum, installed_by, execution_time, success) VALUES (100, '"
              + future
              + "', 'from the future', 'SQL', 'V"
              + future
              + "__from_the_future.sql', 0, 'test', 1, 1)");
    }

    for (String command : new String[] {"migrate", "info", "check"}) {
      CliRun run = docket("--db", url(db), "db", command);

      assertThat(run.exitCode()).as("db %s: %s", command, run).isEqualTo(1);
      assertThat(run.errLines())
          .containsExactly(
              "docket: database schema version "
                  + future
                  + " is newer than this build supports ("
                  + SCHEMA
                  + "); upgrade docket");
    }
  }

  @Test
  void anUnknownDatabaseUrlIsAUsageErrorNamingTheAcceptedForms() {
    CliRun run = docket("--db", "mysql://localhost/docket", "db", "info");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly(
            "docket: --db 'mysql://localhost/docket' is not a database URL; use sqlite:PATH"
                + " (e.g. sqlite:./data/docket.db) or jdbc:postgresql://HOST:PORT/DB?user=USER");
  }

  @Test
  void unknownCommandsAndOptionsAreUsageErrorsOnOneLine() {
    CliRun unknownCommand = docket("db", "frobnicate");
    CliRun unknownOption = docket("db", "info", "--colour");
    CliRun noCommand = docket();
    CliRun badPort = docket("serve", "--port", "eighty");

    for (CliRun run : new CliRun[] {unknownCommand, unknownOption, noCommand, badPort}) {
      assertThat(run.exitCode()).as("%s", run).isEqualTo(2);
      assertThat(run.errLines()).as("%s", run).hasSize(1);
      assertThat(run.err()).startsWith("docket: ");
    }
    assertThat(unknownOption.err()).contains("--colour");
  }

  @Test
  void verboseAddsTheStackTrace() throws Exception {
    Path db = Files.writeString(dir.resolve("x.db"), "not sqlite at all, clearly".repeat(5));

    CliRun run = docket("--verbose", "--db", url(db), "db", "info");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errLines().get(0)).startsWith("docket: ");
    assertThat(run.errLines()).hasSizeGreaterThan(1);
    assertThat(run.err()).contains("CommandFailedException").contains("\tat dev.docket.app.");
  }

  @Test
  void helpAndVersionExitZero() {
    assertThat(docket("--help").exitCode()).isZero();
    assertThat(docket("--help").out()).contains("serve").contains("db");
    assertThat(docket("db", "--help").out()).contains("migrate").contains("info").contains("check");
    assertThat(docket("--version").out()).startsWith("docket ");
  }
}

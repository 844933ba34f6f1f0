package dev.docket.app.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docket.adapter.sqlite.SqliteStore;
import dev.docket.ports.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moving a store between SQLite and PostgreSQL through the command line, with an artifact of 20 MiB
 * that goes through chunk by chunk: what comes back out is the same store, byte for byte.
 */
class PostgresTransferTest {
  private static final long BIG = 20L * 1024 * 1024;

  @TempDir Path dir;

  private final PostgresSchemas schemas = new PostgresSchemas();
  private String sqlite;
  private SampleStore sample;

  @BeforeEach
  void fillSqlite() throws Exception {
    sqlite = "sqlite:" + dir.resolve("source.db");
    try (Store store = SqliteStore.open(dir.resolve("source.db"))) {
      sample = SampleStore.fill(store, 200, BIG);
    }
  }

  @AfterEach
  void dropSchemas() throws Exception {
    schemas.dropAll();
  }

  private Path export(String db, String file) {
    Path out = dir.resolve(file);
    TransferCli run = TransferCli.run("--db", db, "export", "--out", out.toString());
    assertThat(run.exitCode()).as("%s", run).isZero();
    System.out.println("[transfer] " + run.out().lines().reduce((a, b) -> b).orElse(""));
    return out;
  }

  private static TransferCli ok(String... args) {
    TransferCli run = TransferCli.run(args);
    assertThat(run.exitCode()).as("%s", run).isZero();
    System.out.println("[transfer] " + run.out().lines().reduce((a, b) -> b).orElse(""));
    return run;
  }

  @Test
  void anSqliteExportImportedIntoPostgresExportsAgainByteForByte() throws Exception {
    Path fromSqlite = export(sqlite, "sqlite.ndjson");
    String pg = schemas.newUrl();

    TransferCli imported = ok("--db", pg, "import", fromSqlite.toString());

    assertThat(imported.out()).contains("rows and checksums match");
    Path fromPostgres = export(pg, "postgres.ndjson");
    assertThat(Files.size(fromSqlite)).isGreaterThan(BIG);
    assertThat(Files.mismatch(fromSqlite, fromPostgres)).isEqualTo(-1L);
  }

  @Test
  void copyingSqliteToPostgresAndBackKeepsEveryRowAndTheBigArtifact() throws Exception {
    String pg = schemas.newUrl();
    String back = "sqlite:" + dir.resolve("back.db");

    TransferCli there = ok("copy", "--from", sqlite, "--to", pg);
    TransferCli again = ok("copy", "--from", pg, "--to", back);

    assertThat(there.out()).contains("rows and checksums match");
    assertThat(again.out()).contains("rows and checksums match");
    assertThat(Files.mismatch(export(sqlite, "a.ndjson"), export(back, "b.ndjson"))).isEqualTo(-1L);
    GeneratedBytes.Checker bytes = new GeneratedBytes.Checker(SampleStore.BIG_SEED);
    try (Store store = SqliteStore.open(dir.resolve("back.db"))) {
      store.artifacts().copyTo(sample.bigJob, SampleStore.BIG_NAME, bytes);
    }
    assertThat(bytes.count()).isEqualTo(BIG);
    assertThat(bytes.firstMismatch()).isEqualTo(-1L);
  }

  @Test
  void postgresThatHoldsRowsIsRefusedAndMergeSkipsWhatItHas() {
    String pg = schemas.newUrl();
    ok("copy", "--from", sqlite, "--to", pg);

    TransferCli refused = TransferCli.run("copy", "--from", sqlite, "--to", pg);
    TransferCli merged = ok("copy", "--from", sqlite, "--to", pg, "--merge", "--json");

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("is not empty (").contains("--merge");
    assertThat(merged.out())
        .contains("\"verified\":true")
        .contains("\"merge\":true")
        .contains("\"jobs\":{\"expected_rows\":200,\"rows\":200,\"skipped\":200");
  }
}

package dev.docket.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docket.adapter.sqlite.SqliteStore;
import dev.docket.domain.JobSpec;
import dev.docket.domain.Role;
import dev.docket.ports.Store;
import dev.docket.ports.usecase.Actor;
import dev.docket.ports.usecase.ClaimRequest;
import dev.docket.ports.usecase.Docket;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Collections;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code docket db backup|restore|reset} on SQLite files. */
class SqliteBackupRestoreTest extends StoreCase {
  @TempDir Path dir;

  @Override
  Backend backend() {
    return new SqliteBackend(dir);
  }

  private Path file() {
    return ((SqliteBackend) backend).file();
  }

  private void shutStore() {
    store.close();
    store = null;
  }

  private static String sha256(Path p) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
  }

  private static long single(Path db, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String integrity(Path db) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
      StringBuilder b = new StringBuilder();
      while (rs.next()) {
        b.append(rs.getString(1));
      }
      return b.toString();
    }
  }

  /** A job whose event count disagrees with its log, or whose seqs have a gap, is not whole. */
  private static long brokenJobs(Path db) throws Exception {
    return single(
        db,
        "SELECT count(*) FROM jobs j WHERE j.event_count <> (SELECT count(*) FROM job_events e"
            + " WHERE e.job_id = j.id) OR j.event_count <> (SELECT coalesce(max(seq) + 1, 0) FROM"
            + " job_events e WHERE e.job_id = j.id)");
  }

  @Test
  void backupWhileAWriterRunsIsConsistentAndOpensAsAStore() throws Exception {
    Actor alice = seed.user("alice", Role.SUBMITTER);
    Actor worker = seed.user("worker", Role.WORKER);
    Docket docket = seed.docket();
    JobSpec spec =
        new JobSpec(
            "bulk",
            "bulk",
            "{\"pad\":\"" + "x".repeat(500) + "\"}",
            null,
            null,
            null,
            1,
            null,
            null);
    for (int i = 0; i < 20; i++) {
      docket.jobs().submitBatch(alice, Collections.nCopies(500, spec));
    }
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong writes = new AtomicLong();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread writer =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    while (!stop.get()) {
                      docket
                          .jobs()
                          .submit(
                              alice,
                              new JobSpec("w", "live", null, null, null, null, 1, null, null));
                      var claimed =
                          docket
                              .workers()
                              .claim(worker, new ClaimRequest("live", "w1", 1, 60, null, null, 0));
                      for (var j : claimed) {
                        docket.workers().complete(worker, j.id(), j.leaseToken(), "{}");
                      }
                      writes.incrementAndGet();
                    }
                  } catch (Throwable t) {
                    failure.set(t);
                  }
                });
    Path backup = dir.resolve("backups/docket-backup.db");
    try {
      while (writes.get() < 20) {
        Thread.sleep(5);
      }
      long before = writes.get();
      Cli run = docket("db", "backup", backup.toString());
      long after = writes.get();

      assertThat(run.exitCode()).as("%s", run).isZero();
      assertThat(run.out()).startsWith("backed up " + file() + " to " + backup + " (");
      assertThat(run.out()).contains("integrity_check ok");
      assertThat(run.errLines())
          .isNotEmpty()
          .allSatisfy(l -> assertThat(l).startsWith("backing up: "));
      assertThat(after).as("writes while the backup ran").isGreaterThan(before);
    } finally {
      stop.set(true);
      writer.join();
    }
    assertThat(failure.get()).as("the writer never failed").isNull();
    assertThat(integrity(backup)).isEqualTo("ok");
    assertThat(brokenJobs(backup)).isZero();
    assertThat(single(backup, "SELECT count(*) FROM jobs WHERE queue = 'bulk'")).isEqualTo(10_000);
    assertThat(single(backup, "SELECT count(*) FROM jobs WHERE queue = 'live'")).isPositive();
    assertThat(dir.resolve("backups"))
        .isDirectoryNotContaining(p -> p.getFileName().toString().startsWith("."));
    try (Store copy = SqliteStore.open(backup)) {
      assertThat(copy.users().count()).isEqualTo(2);
      assertThat(
              copy.jobs()
                  .find(
                      docket
                          .jobs()
                          .list(
                              Seed.SYSTEM,
                              new dev.docket.ports.JobQuery(
                                  null, null, "bulk", null, null, null, null, 1))
                          .items()
                          .get(0)
                          .id()))
          .isPresent();
    }
  }

  @Test
  void backupRefusesAnExistingFileAndAMissingDatabase() throws Exception {
    Path existing = dir.resolve("there.db");
    Files.writeString(existing, "keep me");

    Cli run = docket("db", "backup", existing.toString());
    Cli missing =
        Cli.run("sqlite:" + dir.resolve("none.db"), "db", "backup", dir.resolve("b.db").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errLines())
        .containsExactly("docket: " + existing + " exists; name a new file for the backup");
    assertThat(Files.readString(existing)).isEqualTo("keep me");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).startsWith("docket: no database at ");
    assertThat(dir.resolve("b.db")).doesNotExist();
  }

  private Path backupNow() {
    Path backup = dir.resolve("b-" + System.nanoTime() + ".db");
    Cli run = docket("db", "backup", backup.toString());
    assertThat(run.exitCode()).as("%s", run).isZero();
    return backup;
  }

  @Test
  void restoreReplacesTheDatabaseWithTheBackup() throws Exception {
    seed.user("kept", Role.SUBMITTER);
    Path backup = backupNow();
    seed.user("lost", Role.SUBMITTER);
    shutStore();

    Cli run = docket("db", "restore", backup.toString(), "--force");

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out())
        .startsWith("restored " + file() + " from " + backup + " (schema version ");
    assertThat(integrity(file())).isEqualTo("ok");
    assertThat(dir).isDirectoryNotContaining(p -> p.getFileName().toString().startsWith("."));
    store = backend.open(db);
    assertThat(store.users().findByEmail("kept@example.com")).isPresent();
    assertThat(store.users().findByEmail("lost@example.com")).isEmpty();
    var entries = audit("admin.restore");
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).actorId()).isEqualTo("cli");
    assertThat(entries.get(0).details()).contains(backup.toString());
  }

  @Test
  void restoreWithoutForceIsAUsageErrorAndTouchesNothing() throws Exception {
    Path backup = backupNow();
    seed.user("stays", Role.SUBMITTER);
    shutStore();
    String before = sha256(file());

    Cli run = docket("db", "restore", backup.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly(
            "docket: db restore replaces " + file() + " with " + backup + "; add --force to do it");
    assertThat(sha256(file())).isEqualTo(before);
  }

  @Test
  void restoreRefusesWhileTheDatabaseIsInUse() throws Exception {
    Path backup = backupNow();

    Cli run = docket("db", "restore", backup.toString(), "--force");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errLines())
        .containsExactly(
            "docket: "
                + file()
                + " is in use by another process; stop docket serve (and other users) first");
  }

  private void assertRefused(Path bad, String why) throws Exception {
    String before = sha256(file());

    Cli run = docket("db", "restore", bad.toString(), "--force");

    assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err())
        .startsWith("docket: not restoring: ")
        .contains(why)
        .endsWith("; " + file() + " is untouched\n");
    assertThat(sha256(file())).isEqualTo(before);
    assertThat(Path.of(file() + "-wal")).doesNotExist();
  }

  @Test
  void restoreRefusesAFileThatIsNotADatabase() throws Exception {
    shutStore();
    Path text = dir.resolve("notes.txt");
    Files.writeString(text, "not a database at all, just some words in a file".repeat(100));
    Path garbage = dir.resolve("garbage.db");
    byte[] bytes = new byte[8192];
    new java.util.Random(7).nextBytes(bytes);
    System.arraycopy("SQLite format 3\0".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 16);
    Files.write(garbage, bytes);

    assertRefused(text, "is not a Docket database (file is not a database)");
    assertRefused(garbage, "");
    assertRefused(dir.resolve("missing.db"), "there is no file");
  }

  @Test
  void restoreRefusesACorruptBackup() throws Exception {
    Actor alice = seed.user("alice", Role.SUBMITTER);
    for (int i = 0; i < 4; i++) {
      seed.docket()
          .jobs()
          .submitBatch(
              alice,
              Collections.nCopies(
                  500,
                  new JobSpec(
                      "k",
                      "q",
                      "{\"pad\":\"" + "y".repeat(300) + "\"}",
                      null,
                      null,
                      null,
                      1,
                      null,
                      null)));
    }
    Path backup = backupNow();
    shutStore();
    long pageSize = single(backup, "PRAGMA page_size");
    long pages = Files.size(backup) / pageSize;
    try (RandomAccessFile f = new RandomAccessFile(backup.toFile(), "rw")) {
      // scribble over the middle of the file: b-tree pages of the jobs table and its indexes
      byte[] junk = new byte[(int) pageSize * 3];
      new java.util.Random(11).nextBytes(junk);
      f.seek((pages / 2) * pageSize);
      f.write(junk);
    }

    assertRefused(backup, "");
  }

  @Test
  void restoreRefusesANonDocketDatabaseAndANewerSchema() throws Exception {
    Path backup = backupNow();
    shutStore();
    Path foreign = dir.resolve("foreign.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + foreign);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)");
      s.execute("INSERT INTO invoices (total) VALUES (9.5)");
    }
    Path empty = dir.resolve("empty.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + empty)) {
      c.createStatement().execute("PRAGMA user_version = 1");
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + backup);
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
              + " checksum, installed_by, installed_on, execution_time, success) VALUES (99, '99',"
              + " 'future', 'SQL', 'V99__future.sql', 0, 'test', '2099-01-01', 1, 1)");
    }

    assertRefused(
        foreign, "is not a Docket database (it holds tables but no Docket schema history)");
    assertRefused(empty, "is not a Docket database (it has no Docket schema)");
    assertRefused(backup, "database schema version 99 is newer than this build supports");
  }

  @Test
  void resetDeletesTheFileAndItsWalAndShm() throws Exception {
    seed.user("gone", Role.SUBMITTER);
    Store other = SqliteStore.open(file());
    other.users().count();
    shutStore();
    other.close();
    // a crashed server leaves its side files behind
    Files.writeString(Path.of(file() + "-wal"), "");
    Files.writeString(Path.of(file() + "-shm"), "");

    Cli run = docket("db", "reset", "--force");

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out())
        .isEqualTo("reset " + file() + ": deleted the database file and its -wal/-shm files\n");
    assertThat(file()).doesNotExist();
    assertThat(Path.of(file() + "-wal")).doesNotExist();
    assertThat(Path.of(file() + "-shm")).doesNotExist();
    store = backend.open(db);
    assertThat(store.users().count()).isZero();
  }

  @Test
  void resetWithoutForceOffATerminalIsAUsageErrorAndDeletesNothing() throws Exception {
    seed.user("stays", Role.SUBMITTER);

    Cli run = docket("db", "reset");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly(
            "docket: db reset deletes all data in " + file() + "; add --force to do it");
    assertThat(store.users().findByEmail("stays@example.com")).isPresent();
  }

  @Test
  void resetRefusesWhileInUseAndRefusesAFileThatIsNotDockets() throws Exception {
    Cli inUse = docket("db", "reset", "--force");
    Path foreign = dir.resolve("foreign.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + foreign)) {
      c.createStatement().execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)");
    }
    Cli notOurs = Cli.run("sqlite:" + foreign, "db", "reset", "--force");

    assertThat(inUse.exitCode()).isEqualTo(1);
    assertThat(inUse.err()).contains("is in use by another process");
    assertThat(file()).exists();
    assertThat(notOurs.exitCode()).isEqualTo(1);
    assertThat(notOurs.err()).contains("is not a Docket database");
    assertThat(foreign).exists();
  }
}

package dev.docket.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docket.domain.Ids;
import dev.docket.domain.Job;
import dev.docket.domain.JobSpec;
import dev.docket.domain.Lease;
import dev.docket.domain.Role;
import dev.docket.domain.User;
import dev.docket.ports.ClaimQuery;
import dev.docket.ports.JobChange;
import dev.docket.ports.NewJob;
import dev.docket.ports.SchemaTooNewException;
import dev.docket.ports.StoreUnavailableException;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What only the Postgres store promises, beyond the port contract. */
class PostgresStoreTest {
  @RegisterExtension static final PostgresFixture PG = new PostgresFixture();

  private static final Instant T0 = Instant.parse("2024-03-31T01:30:00.456Z");

  private PostgresStore store;
  private User owner;

  @BeforeEach
  void open() {
    store = PG.openStore();
    owner =
        new User(
            Ids.newId(),
            "Owner",
            "owner-" + UUID.randomUUID() + "@example.test",
            EnumSet.of(Role.SUBMITTER, Role.WORKER),
            true,
            T0);
    store.users().insert(owner);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private Job insert(String queue, int priority) {
    JobSpec spec = new JobSpec("k", queue, null, null, priority, T0, null, null, null);
    NewJob job = new NewJob(Job.create(Ids.newId(T0), owner.id(), spec, T0), null);
    return store.jobs().insert(List.of(job)).get(0);
  }

  private JobChange claim() {
    return (job, now) -> job.claim(owner.id(), "w", Lease.newToken(), now, Duration.ofMinutes(1));
  }

  private List<Job> claimOne(String queue) {
    return store.jobs().claim(new ClaimQuery(queue, 1, null, null), claim());
  }

  private String table(String name) {
    return PG.schema() + "." + name;
  }

  @Test
  void claimSkipsAJobWhoseRowAnotherTransactionHoldsInsteadOfWaiting() throws Exception {
    Job first = insert("q", 10);
    Job second = insert("q", 0);
    try (Connection other = PostgresFixture.connect()) {
      other.setAutoCommit(false);
      try (PreparedStatement lock =
          other.prepareStatement("SELECT id FROM " + table("jobs") + " WHERE id = ? FOR UPDATE")) {
        lock.setObject(1, first.id());
        lock.executeQuery().close();
      }

      List<Job> claimed =
          CompletableFuture.supplyAsync(() -> claimOne("q")).get(5, TimeUnit.SECONDS);
      assertThat(claimed).extracting(Job::id).containsExactly(second.id());
      assertThat(claimOne("q")).isEmpty();

      other.rollback();
    }
    assertThat(claimOne("q")).extracting(Job::id).containsExactly(first.id());
  }

  @Test
  void terminatedBackendsFailAsStoreUnavailableAndThePoolRecovers() throws Exception {
    String app = "docket-test-" + UUID.randomUUID();
    try (PostgresStore own =
            PostgresStore.open(PostgresFixture.serverUrl(), PG.options().withApplicationName(app));
        Connection admin = PostgresFixture.connect()) {
      Job job = insert("q", 0);
      assertThat(own.jobs().find(job.id())).isPresent();

      int killed = terminate(admin, app);
      assertThat(killed).isPositive();

      boolean recovered = false;
      for (int attempt = 0; attempt < 20 && !recovered; attempt++) {
        try {
          recovered = own.jobs().find(job.id()).isPresent();
        } catch (StoreUnavailableException e) {
          // a call on a connection that was killed under it may fail, typed; the next one retries
        }
      }
      assertThat(recovered).isTrue();
      assertThat(own.ping()).isTrue();
    }
  }

  private static int terminate(Connection admin, String app) throws SQLException {
    try (PreparedStatement ps =
        admin.prepareStatement(
            "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))"
                + " FROM pg_stat_activity WHERE application_name = ?")) {
      ps.setString(1, app);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  @Test
  void anUnreachableServerIsStoreUnavailable() {
    assertThatThrownBy(
            () ->
                PostgresStore.open(
                    "jdbc:postgresql://127.0.0.1:1/test?user=postgres&connectTimeout=2",
                    PG.options().withConnectionTimeout(Duration.ofSeconds(1))))
        .isInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void aSchemaMigratedByANewerDocketIsRefusedWithATypedError() throws Exception {
    String schema = PostgresFixture.newSchemaName();
    PostgresOptions options = PG.options().withSchema(schema);
    try (Connection admin = PostgresFixture.connect()) {
      PostgresStore.open(PostgresFixture.serverUrl(), options).close();
      try (Statement s = admin.createStatement()) {
        s.execute(
            "INSERT INTO "
                + schema
                + ".flyway_schema_history (installed_rank, version, description, type, script,"
                + " checksum, installed_by, execution_time, success)"
                + " VALUES (999, '999', 'from the future', 'SQL', 'V999__from_the_future.sql',"
                + " 0, 'test', 0, true)");
      }
      try {
        assertThatThrownBy(() -> PostgresStore.open(PostgresFixture.serverUrl(), options))
            .isInstanceOf(SchemaTooNewException.class)
            .hasMessageContaining("newer")
            .hasMessageContaining("999");
      } finally {
        try (Statement s = admin.createStatement()) {
          s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
      }
    }
  }

  @Test
  void instantsAreStoredAsTheSameUtcInstantWhateverTheSessionZone() throws Exception {
    Instant farFuture = Instant.parse("9999-12-31T23:59:59.999Z");
    JobSpec spec = new JobSpec("k", "q", null, null, 0, farFuture, null, null, null);
    Job job =
        store
            .jobs()
            .insert(List.of(new NewJob(Job.create(Ids.newId(), owner.id(), spec, T0), null)))
            .get(0);
    try (Connection admin = PostgresFixture.connect();
        PreparedStatement ps =
            admin.prepareStatement(
                "SELECT extract(epoch FROM run_at) * 1000, extract(epoch FROM created_at) * 1000"
                    + " FROM "
                    + table("jobs")
                    + " WHERE id = ?")) {
      ps.setObject(1, job.id());
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(farFuture.toEpochMilli());
        assertThat(rs.getLong(2)).isEqualTo(T0.toEpochMilli());
      }
    }
    assertThat(store.jobs().find(job.id()).orElseThrow().runAt()).isEqualTo(farFuture);
  }

  @Test
  void testSessionsRunInTheNonUtcZoneWithTheStatementTimeoutAndSchema() {
    assertThat(store.sessionSetting("TimeZone")).isEqualTo(PostgresFixture.SESSION_TIME_ZONE);
    assertThat(store.sessionSetting("statement_timeout")).isEqualTo("30s");
    assertThat(store.sessionSetting("search_path")).contains(PG.schema());
  }

  @Test
  void nowIsTheDatabaseClock() throws Exception {
    Instant db;
    try (Connection admin = PostgresFixture.connect();
        Statement s = admin.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint")) {
      rs.next();
      db = Instant.ofEpochMilli(rs.getLong(1));
    }
    Instant now = store.jobs().now();
    assertThat(now).isBetween(db, db.plusSeconds(5));
    assertThat(now.getNano() % 1_000_000).isZero();
  }

  @Test
  void deletingAJobAndFailedUploadsLeaveNoChunksBehind() throws Exception {
    Job job = insert("q", 0);
    byte[] big = new byte[PostgresArtifactStore.CHUNK_SIZE * 2 + 17];
    store
        .artifacts()
        .put(job.id(), "a", "application/octet-stream", new ByteArrayInputStream(big), j -> {});
    store
        .artifacts()
        .put(job.id(), "a", "application/octet-stream", new ByteArrayInputStream(big), j -> {});
    assertThat(chunkCount()).isEqualTo(3);
    assertThatThrownBy(
            () ->
                store
                    .artifacts()
                    .put(
                        job.id(),
                        "b",
                        "text/plain",
                        new ByteArrayInputStream(big),
                        j -> {
                          throw new IllegalStateException("refused");
                        }))
        .hasMessage("refused");
    assertThat(chunkCount()).isEqualTo(3);

    store.jobs().update(job.id(), (j, now) -> j.cancel(now));
    assertThat(store.jobs().deleteTerminal(job.id())).isTrue();

    assertThat(chunkCount()).isZero();
  }

  private long chunkCount() throws SQLException {
    try (Connection admin = PostgresFixture.connect();
        Statement s = admin.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table("artifact_chunks"))) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

package dev.docket.ports.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docket.domain.ApiKey;
import dev.docket.domain.AuditEntry;
import dev.docket.domain.EventDraft;
import dev.docket.domain.Ids;
import dev.docket.domain.Job;
import dev.docket.domain.JobSpec;
import dev.docket.domain.JobStatus;
import dev.docket.domain.Json;
import dev.docket.domain.Lease;
import dev.docket.domain.Role;
import dev.docket.domain.User;
import dev.docket.domain.WebhookDelivery;
import dev.docket.domain.WebhookStatus;
import dev.docket.ports.ClaimQuery;
import dev.docket.ports.ConflictException;
import dev.docket.ports.IdempotentJob;
import dev.docket.ports.JobChange;
import dev.docket.ports.Store;
import dev.docket.ports.contract.StoreContract;
import dev.docket.ports.transfer.TransferRecord.ArtifactRow;
import dev.docket.ports.transfer.TransferRecord.AuditRow;
import dev.docket.ports.transfer.TransferRecord.ChunkRow;
import dev.docket.ports.transfer.TransferRecord.JobRow;
import dev.docket.ports.transfer.TransferRecord.KeyRow;
import dev.docket.ports.transfer.TransferRecord.UserRow;
import dev.docket.ports.transfer.TransferRecord.WebhookRow;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link StoreTransfer}, run by every store: reading a populated store and writing the records into
 * an empty store of the same backend gives the same store, row for row and column for column, and
 * the copy works like the original.
 */
public abstract class StoreTransferContract extends StoreContract {
  /** Bigger than one chunk of any store, and not a multiple of a power of two. */
  private static final int BIG_ARTIFACT = 700_001;

  /** Small batches, so that artifacts and their chunks straddle batches. */
  private static final WriteOptions SMALL_BATCHES =
      WriteOptions.defaults().withBatchSize(5).withBatchBytes(300_000);

  /** The second store a test writes into, opened before each test. */
  protected Store target;

  private Population population;

  /**
   * Opens a fresh, empty, migrated store of the same backend as {@link #openStore()}, but separate
   * from it (another file, another schema). The contract closes it after the test.
   */
  protected abstract Store openTargetStore();

  @BeforeEach
  final void openTarget() {
    target = openTargetStore();
  }

  @AfterEach
  final void closeTarget() {
    if (target != null) {
      target.close();
    }
  }

  /** What {@link #populate()} stored in the source store. */
  private record Population(
      User admin,
      User worker,
      ApiKey key,
      Job queued,
      Job running,
      Job succeeded,
      Job farFuture,
      String idempotencyKey,
      byte[] bigBytes) {}

  /** Fills the source store with a row of every kind, in every shape a column can take. */
  private Population populate() throws IOException {
    User admin =
        new User(Ids.newId(), "Ädmin Ω", "admin@example.test", Set.of(Role.ADMIN), true, T0);
    User worker = newUser(Role.WORKER, Role.SUBMITTER).deactivated();
    store.users().insert(admin);
    store.users().insert(worker);
    ApiKey key =
        new ApiKey(
            Ids.newId(),
            admin.id(),
            "ci key",
            "sha256:" + "ab".repeat(32),
            "dk_live_ab",
            T0,
            T0.plusSeconds(5),
            Instant.parse("2030-01-01T00:00:00.001Z"),
            null);
    ApiKey revoked =
        new ApiKey(Ids.newId(), worker.id(), "old", "h2", "dk_x", T0, null, null, T0.plusMillis(7));
    store.keys().insert(key);
    store.keys().insert(revoked);

    String idem = "order-42";
    JobSpec exotic =
        new JobSpec(
            "mail.send",
            "emails",
            "{ \"to\" : \"ü@example.test\",\n  \"n\": [1, 2.50, 3e2] }",
            "{\"tag\":\"x\",  \"nested\":{}}",
            7,
            null,
            5,
            idem,
            "https://hooks.example.test/x");
    Job queued = store.jobs().insert(List.of(newJob(admin, exotic, T0, "req-hash-1"))).get(0);
    Job farFuture =
        insertJob(admin, spec("later", "k", -3, Instant.parse("9999-12-31T23:59:59.999Z")), T0);
    Job running =
        claimOnly(
            insertJob(worker, spec("work", "resize")),
            claimChange(worker, "w-1", Duration.ofMinutes(5)));
    running =
        store
            .jobs()
            .update(
                running.id(),
                (job, now) -> job.heartbeat(job.leaseToken(), now, 0.3333333333333333, null))
            .job();
    Job succeeded =
        claimOnly(
            insertJob(worker, spec("done", "k")),
            claimChange(worker, "w-2", Duration.ofMinutes(1)));
    succeeded = store.jobs().update(succeeded.id(), logLine("line \"one\"\n\ttab ✓")).job();
    succeeded =
        store
            .jobs()
            .update(
                succeeded.id(),
                (job, now) -> job.complete(job.leaseToken(), now, "{\"ok\": true, \"v\":1.0}"))
            .job();
    Job failed =
        claimOnly(
            insertJob(worker, spec("broken", "k")),
            claimChange(worker, "w-3", Duration.ofMinutes(1)));
    store
        .jobs()
        .update(
            failed.id(),
            (job, now) -> job.fail(job.leaseToken(), now, "boom: ✗", false, Duration.ZERO));

    byte[] big = new byte[BIG_ARTIFACT];
    new Random(42).nextBytes(big);
    store
        .artifacts()
        .put(
            succeeded.id(),
            "output.bin",
            "application/octet-stream",
            new ByteArrayInputStream(big),
            j -> {});
    store
        .artifacts()
        .put(succeeded.id(), "Zeta.txt", "text/plain; charset=utf-8", text("zeta"), j -> {});
    store.artifacts().put(succeeded.id(), "alpha.txt", "text/plain", text("alpha ✓"), j -> {});
    store.artifacts().put(succeeded.id(), "empty", "application/octet-stream", text(""), j -> {});
    store.artifacts().put(running.id(), "partial.log", "text/plain", text("half"), j -> {});

    store
        .audit()
        .append(
            new AuditEntry(
                Ids.newId(),
                T0,
                admin.id().toString(),
                "user.create",
                "user",
                worker.id().toString(),
                "{\"email\": \"w\"}",
                "127.0.0.1"));
    store
        .audit()
        .append(
            new AuditEntry(
                Ids.newId(), T0.plusMillis(1), null, "auth.fail", "key", null, "{}", null));

    if (keepsWebhooks(store)) {
      store.webhooks().signingSecret("whsec_" + "x".repeat(32));
      try (RecordWriter w = store.transfer().writer(WriteOptions.defaults())) {
        w.write(webhook(succeeded.id(), WebhookStatus.DELIVERED, null, null));
        w.write(webhook(queued.id(), WebhookStatus.PENDING, "wl_token", T0.plusSeconds(90)));
      }
    }
    return new Population(
        admin,
        worker,
        key,
        store.jobs().find(queued.id()).orElseThrow(),
        store.jobs().find(running.id()).orElseThrow(),
        store.jobs().find(succeeded.id()).orElseThrow(),
        farFuture,
        idem,
        big);
  }

  /** Appends one {@code log} event whose message needs JSON escapes. */
  private static JobChange logLine(String message) {
    return (job, now) ->
        job.append(
            null,
            now,
            List.of(new EventDraft("log", "{\"message\": " + Json.quote(message) + "}")));
  }

  private static ByteArrayInputStream text(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Whether the store keeps webhook deliveries (stores from before webhooks do not). */
  protected static boolean keepsWebhooks(Store s) {
    try {
      s.webhooks();
      return true;
    } catch (UnsupportedOperationException e) {
      return false;
    }
  }

  private static WebhookRow webhook(
      UUID jobId, WebhookStatus status, String leaseToken, Instant leaseExpiresAt) {
    boolean delivered = status == WebhookStatus.DELIVERED;
    WebhookDelivery d =
        new WebhookDelivery(
            Ids.newId(),
            jobId,
            7,
            "https://hooks.example.test/in?x=1",
            WebhookDelivery.JOB_STATUS,
            "{\"job\": {\"id\": \"" + jobId + "\"}}",
            status,
            delivered ? 1 : 2,
            delivered ? 200 : 503,
            delivered ? null : "Service Unavailable",
            T0.plusSeconds(30),
            delivered ? T0.plusSeconds(1) : null,
            T0);
    return new WebhookRow(d, leaseToken, leaseExpiresAt);
  }

  private static List<TransferRecord> readAll(Store s) {
    List<TransferRecord> out = new ArrayList<>();
    s.transfer().read(out::add);
    return out;
  }

  private static Map<TransferTable, Long> copy(Store from, Store to, WriteOptions options) {
    try (RecordWriter w = to.transfer().writer(options)) {
      from.transfer().read(w::write);
      w.close();
      return w.written();
    }
  }

  @BeforeEach
  final void fillSource() throws IOException {
    population = populate();
  }

  @Test
  void writingWhatWasReadIntoAnEmptyStoreReproducesEveryRecord() {
    List<TransferRecord> source = readAll(store);

    Map<TransferTable, Long> written = copy(store, target, SMALL_BATCHES);

    assertThat(readAll(target)).containsExactlyElementsOf(source);
    assertThat(written).isEqualTo(target.transfer().counts());
    assertThat(target.transfer().counts()).isEqualTo(store.transfer().counts());
  }

  @Test
  void countsHaveEveryTableAndMatchWhatReadSends() {
    List<TransferRecord> source = readAll(store);

    Map<TransferTable, Long> counts = store.transfer().counts();

    assertThat(counts.keySet()).containsExactly(TransferTable.values());
    for (TransferTable t : TransferTable.values()) {
      assertThat(counts.get(t))
          .as("%s", t)
          .isEqualTo(source.stream().filter(r -> r.table() == t).count());
      boolean webhookTable = t == TransferTable.WEBHOOK_DELIVERIES || t == TransferTable.SETTINGS;
      if (!webhookTable || keepsWebhooks(store)) {
        assertThat(counts.get(t)).as("%s", t).isPositive();
      }
    }
    assertThat(counts.get(TransferTable.ARTIFACTS)).isEqualTo(5);
  }

  @Test
  void anEmptyStoreSaysSoUntilItHoldsAnything() {
    assertThat(target.transfer().isEmpty()).isTrue();
    assertThat(target.transfer().counts().values()).containsOnly(0L);
    assertThat(store.transfer().isEmpty()).isFalse();

    try (RecordWriter w = target.transfer().writer(WriteOptions.defaults())) {
      w.write(new AuditRow(new AuditEntry(Ids.newId(), T0, null, "a.b", "a", null, "{}", null)));
    }

    assertThat(target.transfer().isEmpty()).isFalse();
  }

  @Test
  void readSendsTablesInDependencyOrderAndEachArtifactBeforeItsChunks() {
    List<TransferRecord> records = readAll(store);

    for (int i = 1; i < records.size(); i++) {
      assertThat(rank(records.get(i)))
          .as("record %d after %s", i, records.get(i - 1).table())
          .isGreaterThanOrEqualTo(rank(records.get(i - 1)));
    }
    List<String> artifactNames =
        records.stream()
            .filter(r -> r instanceof ArtifactRow)
            .map(r -> ((ArtifactRow) r).artifact().name())
            .toList();
    // byte-wise by name within a job: upper case before lower case on every backend
    assertThat(artifactNames).containsSubsequence("Zeta.txt", "alpha.txt", "empty", "output.bin");
    int bigAt = indexOfArtifact(records, "output.bin");
    List<Integer> chunkNos = new ArrayList<>();
    long bytes = 0;
    for (int i = bigAt + 1; i < records.size() && records.get(i) instanceof ChunkRow c; i++) {
      chunkNos.add(c.chunkNo());
      bytes += c.data().length;
    }
    assertThat(chunkNos).hasSizeGreaterThan(1);
    assertThat(chunkNos).isEqualTo(IntStream.range(0, chunkNos.size()).boxed().toList());
    assertThat(bytes).isEqualTo(BIG_ARTIFACT);
  }

  /** Table order, with chunks ranked as artifacts (they come right after theirs). */
  private static int rank(TransferRecord r) {
    return r instanceof ChunkRow ? TransferTable.ARTIFACTS.ordinal() : r.table().ordinal();
  }

  private static int indexOfArtifact(List<TransferRecord> records, String name) {
    for (int i = 0; i < records.size(); i++) {
      if (records.get(i) instanceof ArtifactRow a && a.artifact().name().equals(name)) {
        return i;
      }
    }
    throw new AssertionError("no artifact " + name);
  }

  @Test
  void theCopyWorksLikeTheOriginal() throws IOException {
    copy(store, target, SMALL_BATCHES);
    Population p = population;

    assertThat(target.users().findByEmail("admin@example.test")).contains(p.admin());
    assertThat(target.keys().findByHash(p.key().keyHash())).contains(p.key());
    assertThat(target.jobs().findByIdempotencyKey(p.admin().id(), p.idempotencyKey()))
        .contains(new IdempotentJob(p.queued(), "req-hash-1"));
    assertThat(target.jobs().find(p.farFuture().id())).contains(p.farFuture());
    assertThat(target.events().list(p.succeeded().id(), 0, 100))
        .isEqualTo(store.events().list(p.succeeded().id(), 0, 100));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    target.artifacts().copyTo(p.succeeded().id(), "output.bin", bytes);
    assertThat(bytes.toByteArray()).isEqualTo(p.bigBytes());
    assertThat(target.artifacts().list(p.succeeded().id()))
        .isEqualTo(store.artifacts().list(p.succeeded().id()));

    // the lease, version and event count carried over: the holder can go on in the copy
    Job running = p.running();
    Job completed =
        target
            .jobs()
            .update(running.id(), (job, now) -> job.complete(running.leaseToken(), now, "{}"))
            .job();
    assertThat(completed.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(completed.version()).isEqualTo(running.version() + 1);
    assertThat(completed.eventCount()).isGreaterThan(running.eventCount());
    assertThat(
            target
                .jobs()
                .claim(
                    new ClaimQuery("emails", 1, null, null),
                    claimChange(p.worker(), "w", Lease.DEFAULT)))
        .extracting(Job::id)
        .containsExactly(p.queued().id());
  }

  @Test
  void aRowThatExistsFailsTheBatchUnlessConflictsAreSkipped() {
    copy(store, target, WriteOptions.defaults());
    List<TransferRecord> before = readAll(target);

    assertThatThrownBy(() -> copy(store, target, WriteOptions.defaults()))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("user " + ((UserRow) before.get(0)).user().id());

    Map<TransferTable, Long> skipped;
    try (RecordWriter w = target.transfer().writer(SMALL_BATCHES.withOnConflict(OnConflict.SKIP))) {
      store.transfer().read(w::write);
      w.close();
      assertThat(w.written().values()).containsOnly(0L);
      skipped = w.skipped();
    }
    assertThat(skipped).isEqualTo(store.transfer().counts());
    assertThat(readAll(target)).containsExactlyElementsOf(before);
  }

  @Test
  void skippingKeepsStoredRowsAndAddsTheNewOnes() {
    User extra = newUser(Role.SUBMITTER);
    try (RecordWriter w = target.transfer().writer(WriteOptions.defaults())) {
      w.write(new UserRow(population.admin()));
      w.write(new UserRow(extra));
    }

    try (RecordWriter w = target.transfer().writer(SMALL_BATCHES.withOnConflict(OnConflict.SKIP))) {
      store.transfer().read(w::write);
      w.close();
      assertThat(w.skipped().get(TransferTable.USERS)).isEqualTo(1);
      assertThat(w.written().get(TransferTable.USERS)).isEqualTo(1);
      assertThat(w.written().get(TransferTable.ARTIFACT_CHUNKS))
          .isEqualTo(store.transfer().counts().get(TransferTable.ARTIFACT_CHUNKS));
    }
    assertThat(target.users().find(extra.id())).isPresent();
    assertThat(target.transfer().counts().get(TransferTable.USERS)).isEqualTo(3);
  }

  @Test
  void aChunkThatDoesNotFollowItsArtifactIsRefused() {
    Job job = population.succeeded();
    RecordWriter w = target.transfer().writer(WriteOptions.defaults());

    assertThatThrownBy(() -> w.write(new ChunkRow(job.id(), "x", 0, new byte[] {1})))
        .isInstanceOf(TransferException.class)
        .hasMessageContaining("does not follow its artifact");
    w.close();
    assertThat(target.transfer().isEmpty()).isTrue();
  }

  @Test
  void anArtifactMissingBytesIsRefusedAndItsBatchNotWritten() {
    List<TransferRecord> records = readAll(store);
    int big = indexOfArtifact(records, "output.bin");
    RecordWriter w = target.transfer().writer(WriteOptions.defaults());
    for (TransferRecord r : records.subList(0, big + 2)) {
      w.write(r);
    }

    assertThatThrownBy(w::close)
        .isInstanceOf(TransferException.class)
        .hasMessageContaining("output.bin")
        .hasMessageContaining("of its " + BIG_ARTIFACT + " bytes");
    assertThat(target.transfer().counts().get(TransferTable.ARTIFACTS)).isZero();
  }

  @Test
  void aRowReferringToAMissingRowIsRefused() {
    ApiKey orphan =
        new ApiKey(Ids.newId(), UUID.randomUUID(), "k", "hash-x", "dk", T0, null, null, null);
    RecordWriter w = target.transfer().writer(WriteOptions.defaults());
    w.write(new KeyRow(orphan));

    assertThatThrownBy(w::close)
        .isInstanceOf(TransferException.class)
        .hasMessageContaining("api key " + orphan.id());
    assertThat(target.transfer().isEmpty()).isTrue();
  }

  @Test
  void aReadIsOneSnapshotThatLaterWritesDoNotChange() {
    List<TransferRecord> seen = new ArrayList<>();
    User late = newUser(Role.WORKER);

    store
        .transfer()
        .read(
            r -> {
              if (seen.isEmpty()) {
                store.users().insert(late);
              }
              seen.add(r);
            });

    assertThat(seen).doesNotContain(new UserRow(late));
    assertThat(readAll(store)).contains(new UserRow(late));
  }

  @Test
  void jobsKeepTheirRequestHashAndEveryColumn() {
    List<JobRow> jobs =
        readAll(store).stream().filter(r -> r instanceof JobRow).map(r -> (JobRow) r).toList();

    assertThat(jobs).contains(new JobRow(population.queued(), "req-hash-1"));
    assertThat(jobs).contains(new JobRow(population.running(), null));
    assertThat(population.running().progress()).isEqualTo(0.3333333333333333);
    assertThat(jobs).extracting(j -> j.job().id().toString()).isSorted();
  }
}

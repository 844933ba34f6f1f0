package dev.docket.adapter.sqlite;

import static dev.docket.adapter.sqlite.jooq.Tables.API_KEYS;
import static dev.docket.adapter.sqlite.jooq.Tables.ARTIFACTS;
import static dev.docket.adapter.sqlite.jooq.Tables.ARTIFACT_CHUNKS;
import static dev.docket.adapter.sqlite.jooq.Tables.AUDIT_LOG;
import static dev.docket.adapter.sqlite.jooq.Tables.JOBS;
import static dev.docket.adapter.sqlite.jooq.Tables.JOB_EVENTS;
import static dev.docket.adapter.sqlite.jooq.Tables.SETTINGS;
import static dev.docket.adapter.sqlite.jooq.Tables.USERS;
import static dev.docket.adapter.sqlite.jooq.Tables.WEBHOOK_DELIVERIES;

import dev.docket.adapter.sqlite.jooq.tables.records.ArtifactsRecord;
import dev.docket.ports.StoreUnavailableException;
import dev.docket.ports.transfer.RecordSink;
import dev.docket.ports.transfer.RecordWriter;
import dev.docket.ports.transfer.StoreTransfer;
import dev.docket.ports.transfer.TransferRecord;
import dev.docket.ports.transfer.TransferRecord.ChunkRow;
import dev.docket.ports.transfer.TransferTable;
import dev.docket.ports.transfer.WriteOptions;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.ResultQuery;
import org.jooq.Table;

/**
 * Whole-store transfer on SQLite. A read streams every table through cursors inside one read
 * transaction of the WAL reader pool (one consistent snapshot, never blocking the writer); writes
 * go through the store's one writer, a batch per transaction.
 */
final class SqliteStoreTransfer implements StoreTransfer {
  private final Writer writer;
  private final Reader reader;

  SqliteStoreTransfer(Writer writer, Reader reader) {
    this.writer = writer;
    this.reader = reader;
  }

  @Override
  public Map<TransferTable, Long> counts() {
    return reader.read(
        dsl -> {
          Map<TransferTable, Long> counts = new EnumMap<>(TransferTable.class);
          for (TransferTable t : TransferTable.values()) {
            counts.put(t, count(dsl, t));
          }
          return counts;
        });
  }

  /**
   * Rows of {@code t}. Chunks count only when an artifact points at them: chunks of an upload still
   * in flight (or cut short) are not part of the store and are not transferred.
   */
  private static long count(DSLContext dsl, TransferTable t) {
    if (t == TransferTable.ARTIFACT_CHUNKS) {
      return dsl.fetchCount(
          dsl.select(ARTIFACT_CHUNKS.CHUNK_NO)
              .from(ARTIFACT_CHUNKS)
              .join(ARTIFACTS)
              .on(ARTIFACTS.BLOB_ID.eq(ARTIFACT_CHUNKS.BLOB_ID)));
    }
    return dsl.fetchCount(table(t));
  }

  @Override
  public boolean isEmpty() {
    return reader.read(
        dsl -> {
          for (TransferTable t : TransferTable.values()) {
            // chunks without an artifact are leftovers, not content
            if (t != TransferTable.ARTIFACT_CHUNKS && dsl.fetchExists(table(t))) {
              return false;
            }
          }
          return true;
        });
  }

  @Override
  public void read(RecordSink sink) {
    StartedSink started = new StartedSink(sink);
    reader.read(
        dsl -> {
          try {
            stream(dsl, started);
          } catch (RuntimeException e) {
            throw notRetryableOnceStarted(started, e);
          }
          return null;
        });
  }

  /**
   * The reader pool retries a unit that found the database busy; once records went out, a retry
   * would send them twice, so a busy failure then ends the read instead (without the driver's
   * exception as cause, which is what marks a failure as busy).
   */
  private static RuntimeException notRetryableOnceStarted(StartedSink sink, RuntimeException e) {
    if (sink.started && SqlErrors.isBusy(e)) {
      return new StoreUnavailableException(
          "SQLite read was interrupted by a lock after it began: " + e.getMessage(), null);
    }
    return e;
  }

  private static void stream(DSLContext dsl, RecordSink sink) {
    each(dsl.selectFrom(USERS).orderBy(USERS.ID), TransferRows::user, sink);
    each(dsl.selectFrom(API_KEYS).orderBy(API_KEYS.ID), TransferRows::key, sink);
    each(dsl.selectFrom(JOBS).orderBy(JOBS.ID), TransferRows::job, sink);
    each(
        dsl.selectFrom(JOB_EVENTS).orderBy(JOB_EVENTS.JOB_ID, JOB_EVENTS.SEQ),
        TransferRows::event,
        sink);
    try (Cursor<ArtifactsRecord> artifacts =
        dsl.selectFrom(ARTIFACTS).orderBy(ARTIFACTS.JOB_ID, ARTIFACTS.NAME).fetchLazy()) {
      for (ArtifactsRecord a : artifacts) {
        sink.accept(TransferRows.artifact(a));
        chunks(dsl, a, sink);
      }
    }
    each(dsl.selectFrom(AUDIT_LOG).orderBy(AUDIT_LOG.ID), TransferRows::audit, sink);
    each(
        dsl.selectFrom(WEBHOOK_DELIVERIES).orderBy(WEBHOOK_DELIVERIES.ID),
        TransferRows::webhook,
        sink);
    each(dsl.selectFrom(SETTINGS).orderBy(SETTINGS.NAME), TransferRows::setting, sink);
  }

  private static void chunks(DSLContext dsl, ArtifactsRecord a, RecordSink sink) {
    try (Cursor<Record2<Integer, byte[]>> chunks =
        dsl.select(ARTIFACT_CHUNKS.CHUNK_NO, ARTIFACT_CHUNKS.DATA)
            .from(ARTIFACT_CHUNKS)
            .where(ARTIFACT_CHUNKS.BLOB_ID.eq(a.getBlobId()))
            .orderBy(ARTIFACT_CHUNKS.CHUNK_NO)
            .fetchLazy()) {
      for (Record2<Integer, byte[]> c : chunks) {
        sink.accept(new ChunkRow(Rows.uuid(a.getJobId()), a.getName(), c.value1(), c.value2()));
      }
    }
  }

  private static <R extends Record> void each(
      ResultQuery<R> query, Function<R, ? extends TransferRecord> map, RecordSink sink) {
    try (Cursor<R> rows = query.fetchLazy()) {
      for (R r : rows) {
        sink.accept(map.apply(r));
      }
    }
  }

  @Override
  public RecordWriter writer(WriteOptions options) {
    return new SqliteTransferWriter(writer, options);
  }

  static Table<?> table(TransferTable t) {
    return switch (t) {
      case USERS -> USERS;
      case API_KEYS -> API_KEYS;
      case JOBS -> JOBS;
      case JOB_EVENTS -> JOB_EVENTS;
      case ARTIFACTS -> ARTIFACTS;
      case ARTIFACT_CHUNKS -> ARTIFACT_CHUNKS;
      case AUDIT_LOG -> AUDIT_LOG;
      case WEBHOOK_DELIVERIES -> WEBHOOK_DELIVERIES;
      case SETTINGS -> SETTINGS;
    };
  }

  /** Remembers whether any record went out. */
  private static final class StartedSink implements RecordSink {
    private final RecordSink sink;
    private boolean started;

    StartedSink(RecordSink sink) {
      this.sink = sink;
    }

    @Override
    public void accept(TransferRecord record) {
      started = true;
      sink.accept(record);
    }
  }
}

package dev.docket.adapter.postgres;

import static dev.docket.adapter.postgres.jooq.Tables.API_KEYS;
import static dev.docket.adapter.postgres.jooq.Tables.ARTIFACTS;
import static dev.docket.adapter.postgres.jooq.Tables.ARTIFACT_CHUNKS;
import static dev.docket.adapter.postgres.jooq.Tables.AUDIT_LOG;
import static dev.docket.adapter.postgres.jooq.Tables.JOBS;
import static dev.docket.adapter.postgres.jooq.Tables.JOB_EVENTS;
import static dev.docket.adapter.postgres.jooq.Tables.SETTINGS;
import static dev.docket.adapter.postgres.jooq.Tables.USERS;
import static dev.docket.adapter.postgres.jooq.Tables.WEBHOOK_DELIVERIES;

import dev.docket.ports.transfer.RecordSink;
import dev.docket.ports.transfer.RecordWriter;
import dev.docket.ports.transfer.StoreTransfer;
import dev.docket.ports.transfer.TransferRecord;
import dev.docket.ports.transfer.TransferRecord.ArtifactRow;
import dev.docket.ports.transfer.TransferRecord.ChunkRow;
import dev.docket.ports.transfer.TransferTable;
import dev.docket.ports.transfer.WriteOptions;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Whole-store transfer on PostgreSQL. A read is one repeatable-read, read-only transaction (one
 * snapshot of every table) streaming through server-side cursors; text sorts byte-wise ({@code
 * COLLATE "C"}) so that the order is the one SQLite gives. Writes take a pooled connection for one
 * transaction per batch.
 */
final class PostgresStoreTransfer implements StoreTransfer {
  private static final int FETCH_ROWS = 500;
  private static final int FETCH_CHUNKS = 2;

  private final Db db;

  PostgresStoreTransfer(Db db) {
    this.db = db;
  }

  @Override
  public Map<TransferTable, Long> counts() {
    return db.tx(
        ctx -> {
          ctx.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
          Map<TransferTable, Long> counts = new EnumMap<>(TransferTable.class);
          for (TransferTable t : TransferTable.values()) {
            counts.put(t, count(ctx, t));
          }
          return counts;
        });
  }

  /**
   * Rows of {@code t}. Chunks count only when an artifact points at them: chunks of an upload still
   * in flight (or cut short) are not part of the store and are not transferred.
   */
  private static long count(DSLContext ctx, TransferTable t) {
    if (t == TransferTable.ARTIFACT_CHUNKS) {
      return ctx.fetchCount(
          ctx.select(ARTIFACT_CHUNKS.CHUNK_NO)
              .from(ARTIFACT_CHUNKS)
              .join(ARTIFACTS)
              .on(ARTIFACTS.BLOB_ID.eq(ARTIFACT_CHUNKS.BLOB_ID)));
    }
    return ctx.fetchCount(table(t));
  }

  @Override
  public boolean isEmpty() {
    return db.run(
        ctx -> {
          for (TransferTable t : TransferTable.values()) {
            // chunks without an artifact are leftovers, not content
            if (t != TransferTable.ARTIFACT_CHUNKS && ctx.fetchExists(table(t))) {
              return false;
            }
          }
          return true;
        });
  }

  @Override
  public void read(RecordSink sink) {
    db.tx(
        ctx -> {
          ctx.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
          // a cursor statement lives as long as the sink takes; the pool's timeout is per query
          ctx.execute("SET LOCAL statement_timeout = 0");
          stream(ctx, sink);
          return null;
        });
  }

  private static void stream(DSLContext ctx, RecordSink sink) {
    each(ctx.selectFrom(USERS).orderBy(USERS.ID), TransferRows::user, sink);
    each(ctx.selectFrom(API_KEYS).orderBy(API_KEYS.ID), TransferRows::key, sink);
    each(ctx.selectFrom(JOBS).orderBy(JOBS.ID), TransferRows::job, sink);
    each(
        ctx.selectFrom(JOB_EVENTS).orderBy(JOB_EVENTS.JOB_ID, JOB_EVENTS.SEQ),
        TransferRows::event,
        sink);
    try (Cursor<Record> artifacts =
        ctx.select(ARTIFACTS.fields())
            .from(ARTIFACTS)
            .orderBy(ARTIFACTS.JOB_ID, bytewise(ARTIFACTS.NAME))
            .fetchSize(FETCH_ROWS)
            .fetchLazy()) {
      for (Record a : artifacts) {
        ArtifactRow row = TransferRows.artifact(a);
        sink.accept(row);
        chunks(ctx, row, a.get(ARTIFACTS.BLOB_ID), sink);
      }
    }
    each(ctx.selectFrom(AUDIT_LOG).orderBy(AUDIT_LOG.ID), TransferRows::audit, sink);
    each(
        ctx.selectFrom(WEBHOOK_DELIVERIES).orderBy(WEBHOOK_DELIVERIES.ID),
        TransferRows::webhook,
        sink);
    each(ctx.selectFrom(SETTINGS).orderBy(bytewise(SETTINGS.NAME)), TransferRows::setting, sink);
  }

  private static Field<String> bytewise(Field<String> text) {
    return DSL.field("{0} collate \"C\"", String.class, text);
  }

  private static void chunks(DSLContext ctx, ArtifactRow artifact, UUID blob, RecordSink sink) {
    try (Cursor<Record2<Integer, byte[]>> chunks =
        ctx.select(ARTIFACT_CHUNKS.CHUNK_NO, ARTIFACT_CHUNKS.DATA)
            .from(ARTIFACT_CHUNKS)
            .where(ARTIFACT_CHUNKS.BLOB_ID.eq(blob))
            .orderBy(ARTIFACT_CHUNKS.CHUNK_NO)
            .fetchSize(FETCH_CHUNKS)
            .fetchLazy()) {
      for (Record2<Integer, byte[]> c : chunks) {
        sink.accept(
            new ChunkRow(
                artifact.artifact().jobId(), artifact.artifact().name(), c.value1(), c.value2()));
      }
    }
  }

  private static <R extends Record> void each(
      ResultQuery<R> query, Function<R, ? extends TransferRecord> map, RecordSink sink) {
    try (Cursor<R> rows = query.fetchSize(FETCH_ROWS).fetchLazy()) {
      for (R r : rows) {
        sink.accept(map.apply(r));
      }
    }
  }

  @Override
  public RecordWriter writer(WriteOptions options) {
    return new PostgresTransferWriter(db, options);
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
}

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

import dev.docket.ports.ConflictException;
import dev.docket.ports.transfer.BatchingRecordWriter;
import dev.docket.ports.transfer.OnConflict;
import dev.docket.ports.transfer.TransferException;
import dev.docket.ports.transfer.TransferRecord;
import dev.docket.ports.transfer.TransferRecord.ArtifactRow;
import dev.docket.ports.transfer.TransferRecord.AuditRow;
import dev.docket.ports.transfer.TransferRecord.ChunkRow;
import dev.docket.ports.transfer.TransferRecord.EventRow;
import dev.docket.ports.transfer.TransferRecord.JobRow;
import dev.docket.ports.transfer.TransferRecord.KeyRow;
import dev.docket.ports.transfer.TransferRecord.SettingRow;
import dev.docket.ports.transfer.TransferRecord.UserRow;
import dev.docket.ports.transfer.TransferRecord.WebhookRow;
import dev.docket.ports.transfer.WriteOptions;
import dev.docket.ports.transfer.WriteTally;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertSetMoreStep;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;

/**
 * Writes transfer records on a pooled connection, one transaction per batch. An artifact gets a
 * fresh blob id, and its row is written before its chunks.
 */
final class PgTransferWriter extends BatchingRecordWriter {
  private final Db db;

  /** Blob of the artifact whose chunks are due; null when there is none or it was skipped. */
  private UUID blob;

  PgTransferWriter(Db db, WriteOptions options) {
    super(options);
    this.db = db;
  }

  @Override
  protected WriteTally writeBatch(List<TransferRecord> batch) {
    UUID[] due = {blob};
    WriteTally tally =
        db.tx(
            ctx -> {
              WriteTally t = new WriteTally();
              for (TransferRecord r : batch) {
                t.count(r.table(), write(ctx, r, due));
              }
              return t;
            });
    blob = due[0];
    return tally;
  }

  private boolean write(DSLContext ctx, TransferRecord record, UUID[] due) {
    return switch (record) {
      case UserRow u -> insert(ctx, USERS, PgTransferRows.user(u.user()), record);
      case KeyRow k -> insert(ctx, API_KEYS, PgTransferRows.key(k.key()), record);
      case JobRow j -> insert(ctx, JOBS, PgTransferRows.job(j), record);
      case EventRow e -> insert(ctx, JOB_EVENTS, PgTransferRows.event(e.event()), record);
      case ArtifactRow a -> {
        UUID fresh = UUID.randomUUID();
        boolean written =
            insert(ctx, ARTIFACTS, PgTransferRows.artifact(a.artifact(), fresh), record);
        due[0] = written ? fresh : null;
        yield written;
      }
      case ChunkRow c -> due[0] != null && insert(ctx, ARTIFACT_CHUNKS, chunk(due[0], c), record);
      case AuditRow a -> insert(ctx, AUDIT_LOG, PgTransferRows.audit(a.entry()), record);
      case WebhookRow w -> insert(ctx, WEBHOOK_DELIVERIES, PgTransferRows.webhook(w), record);
      case SettingRow s -> insert(ctx, SETTINGS, PgTransferRows.setting(s), record);
    };
  }

  private static Map<Field<?>, Object> chunk(UUID blob, ChunkRow c) {
    Map<Field<?>, Object> v = new LinkedHashMap<>();
    v.put(ARTIFACT_CHUNKS.BLOB_ID, blob);
    v.put(ARTIFACT_CHUNKS.CHUNK_NO, c.chunkNo());
    v.put(ARTIFACT_CHUNKS.DATA, c.data());
    return v;
  }

  /** Inserts the row; false when it existed and conflicts are skipped. */
  private boolean insert(
      DSLContext ctx, Table<?> table, Map<Field<?>, Object> values, TransferRecord record) {
    InsertSetMoreStep<?> insert = ctx.insertInto(table).set(values);
    try {
      if (options().onConflict() == OnConflict.SKIP) {
        return insert.onConflictDoNothing().execute() == 1;
      }
      return insert.execute() == 1;
    } catch (DataAccessException e) {
      throw translate(e, record);
    }
  }

  private static RuntimeException translate(DataAccessException e, TransferRecord record) {
    SQLException sql = e.getCause(SQLException.class);
    String state = sql == null ? null : sql.getSQLState();
    if (SqlErrors.UNIQUE_VIOLATION.equals(state)) {
      return new ConflictException(record.label() + " already exists in the target store");
    }
    if (SqlErrors.FOREIGN_KEY_VIOLATION.equals(state)) {
      return new TransferException(record.label() + " refers to a row that is missing", e);
    }
    return e;
  }
}

package dev.docket.adapter.postgres;

import static dev.docket.adapter.postgres.jooq.Tables.ARTIFACTS;
import static dev.docket.adapter.postgres.jooq.Tables.ARTIFACT_CHUNKS;

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
final class PostgresTransferWriter extends BatchingRecordWriter {
  /** Rows per multi-row INSERT: 1000 jobs bind 27,000 values, well below the 65,535 allowed. */
  private static final int ROWS_PER_STATEMENT = 1000;

  private final Db db;

  /** Blob of the artifact whose chunks are due; null when there is none or it was skipped. */
  private UUID blob;

  PostgresTransferWriter(Db db, WriteOptions options) {
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
              int i = 0;
              while (i < batch.size()) {
                int end = runEnd(batch, i);
                if (end - i == 1) {
                  TransferRecord r = batch.get(i);
                  t.count(r.table(), write(ctx, r, due));
                } else {
                  insertRun(ctx, batch.subList(i, end), t);
                }
                i = end;
              }
              return t;
            });
    blob = due[0];
    return tally;
  }

  /**
   * Where the run of rows starting at {@code start} ends: rows of one table go in one multi-row
   * statement (a round trip per run, not per row), except artifacts and chunks, which need the blob
   * of their artifact, and at most as many rows as fit the protocol's bind limit.
   */
  private static int runEnd(List<TransferRecord> batch, int start) {
    TransferRecord first = batch.get(start);
    if (first instanceof ArtifactRow || first instanceof ChunkRow) {
      return start + 1;
    }
    int end = start + 1;
    while (end < batch.size()
        && end - start < ROWS_PER_STATEMENT
        && batch.get(end).table() == first.table()) {
      end++;
    }
    return end;
  }

  /**
   * Inserts a run of rows of one table in one statement. A conflicting row fails the whole
   * statement without saying which; then the run is rolled back to a savepoint and written row by
   * row, so that the error names the row.
   */
  private void insertRun(DSLContext ctx, List<TransferRecord> run, WriteTally tally) {
    Table<?> table = PostgresStoreTransfer.table(run.get(0).table());
    var insert = ctx.insertInto(table).set(values(run.get(0)));
    for (TransferRecord r : run.subList(1, run.size())) {
      insert = insert.newRecord().set(values(r));
    }
    ctx.execute("SAVEPOINT transfer_run");
    int inserted;
    try {
      inserted =
          options().onConflict() == OnConflict.SKIP
              ? insert.onConflictDoNothing().execute()
              : insert.execute();
    } catch (DataAccessException e) {
      ctx.execute("ROLLBACK TO SAVEPOINT transfer_run");
      UUID[] none = {null};
      for (TransferRecord r : run) {
        tally.count(r.table(), write(ctx, r, none));
      }
      return;
    }
    ctx.execute("RELEASE SAVEPOINT transfer_run");
    for (int i = 0; i < run.size(); i++) {
      tally.count(run.get(i).table(), i < inserted);
    }
  }

  /** The columns of a row that is neither an artifact nor a chunk. */
  private static Map<Field<?>, Object> values(TransferRecord record) {
    return switch (record) {
      case UserRow u -> TransferRows.user(u.user());
      case KeyRow k -> TransferRows.key(k.key());
      case JobRow j -> TransferRows.job(j);
      case EventRow e -> TransferRows.event(e.event());
      case AuditRow a -> TransferRows.audit(a.entry());
      case WebhookRow w -> TransferRows.webhook(w);
      case SettingRow s -> TransferRows.setting(s);
      case ArtifactRow a -> throw new IllegalArgumentException("artifacts need a blob");
      case ChunkRow c -> throw new IllegalArgumentException("chunks need their artifact's blob");
    };
  }

  private boolean write(DSLContext ctx, TransferRecord record, UUID[] due) {
    return switch (record) {
      case ArtifactRow a -> {
        UUID fresh = UUID.randomUUID();
        boolean written =
            insert(ctx, ARTIFACTS, TransferRows.artifact(a.artifact(), fresh), record);
        due[0] = written ? fresh : null;
        yield written;
      }
      case ChunkRow c -> due[0] != null && insert(ctx, ARTIFACT_CHUNKS, chunk(due[0], c), record);
      default -> insert(ctx, PostgresStoreTransfer.table(record.table()), values(record), record);
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

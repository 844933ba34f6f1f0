package dev.docket.adapter.sqlite;

import dev.docket.adapter.sqlite.jooq.tables.records.ArtifactChunksRecord;
import dev.docket.adapter.sqlite.jooq.tables.records.ArtifactsRecord;
import dev.docket.domain.Artifact;
import dev.docket.domain.Ids;
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
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.InsertSetMoreStep;
import org.jooq.TableRecord;
import org.jooq.exception.DataAccessException;

/**
 * Writes transfer records through the store's single writer, one batch per {@code BEGIN IMMEDIATE}
 * transaction. An artifact gets a fresh time-ordered blob id, and its row is written before its
 * chunks so that orphan clean-up never takes them for leftovers of a broken upload.
 */
final class SqliteTransferWriter extends BatchingRecordWriter {
  private final Writer writer;

  /** Blob of the artifact whose chunks are due; null when there is none or it was skipped. */
  private String blob;

  SqliteTransferWriter(Writer writer, WriteOptions options) {
    super(options);
    this.writer = writer;
  }

  @Override
  protected WriteTally writeBatch(List<TransferRecord> batch) {
    // the unit may run again when the file was busy, so it starts from the state of last commit
    String startBlob = blob;
    Outcome outcome =
        writer.write(
            dsl -> {
              Outcome o = new Outcome(new WriteTally(), startBlob);
              for (TransferRecord r : batch) {
                write(dsl, r, o);
              }
              return o;
            });
    blob = outcome.blob;
    return outcome.tally;
  }

  /** What a batch wrote, and the blob its last artifact left due. */
  private static final class Outcome {
    final WriteTally tally;
    String blob;

    Outcome(WriteTally tally, String blob) {
      this.tally = tally;
      this.blob = blob;
    }
  }

  private void write(DSLContext dsl, TransferRecord record, Outcome o) {
    boolean written =
        switch (record) {
          case UserRow u -> insert(dsl, TransferRows.user(u.user()), record);
          case KeyRow k -> insert(dsl, TransferRows.key(k.key()), record);
          case JobRow j -> insert(dsl, TransferRows.job(j), record);
          case EventRow e -> insert(dsl, TransferRows.event(e.event()), record);
          case ArtifactRow a -> {
            o.blob = insertArtifact(dsl, a.artifact(), record);
            yield o.blob != null;
          }
          case ChunkRow c -> o.blob != null && insert(dsl, chunk(o.blob, c), record);
          case AuditRow a -> insert(dsl, TransferRows.audit(a.entry()), record);
          case WebhookRow w -> insert(dsl, TransferRows.webhook(w), record);
          case SettingRow st -> insert(dsl, TransferRows.setting(st), record);
        };
    o.tally.count(record.table(), written);
  }

  /** Inserts the artifact under a fresh blob; answers the blob, or null when it was skipped. */
  private String insertArtifact(DSLContext dsl, Artifact a, TransferRecord record) {
    String newBlob = Ids.newId().toString();
    ArtifactsRecord r = new ArtifactsRecord();
    r.setJobId(Rows.text(a.jobId()));
    r.setName(a.name());
    r.setContentType(a.contentType());
    r.setSize(a.size());
    r.setSha256(a.sha256());
    r.setCreatedAt(Rows.millis(a.createdAt()));
    r.setBlobId(newBlob);
    return insert(dsl, r, record) ? newBlob : null;
  }

  private static ArtifactChunksRecord chunk(String blob, ChunkRow c) {
    ArtifactChunksRecord r = new ArtifactChunksRecord();
    r.setBlobId(blob);
    r.setChunkNo(c.chunkNo());
    r.setData(c.data());
    return r;
  }

  /** Inserts the row; false when it existed and conflicts are skipped. */
  private boolean insert(DSLContext dsl, TableRecord<?> row, TransferRecord record) {
    InsertSetMoreStep<?> insert = dsl.insertInto(row.getTable()).set(row);
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
    if (SqlErrors.isUniqueViolation(e)) {
      return new ConflictException(record.label() + " already exists in the target store");
    }
    if (String.valueOf(e.getMessage()).contains("FOREIGN KEY")) {
      return new TransferException(record.label() + " refers to a row that is missing", e);
    }
    return e;
  }
}

package dev.docket.adapter.sqlite;

import static dev.docket.adapter.sqlite.jooq.Tables.AUDIT_LOG;

import dev.docket.adapter.sqlite.jooq.tables.records.AuditLogRecord;
import dev.docket.domain.AuditEntry;
import dev.docket.ports.AuditLog;
import dev.docket.ports.AuditQuery;
import dev.docket.ports.Page;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/** The audit trail in SQLite, newest first by (time-ordered) id. */
final class SqliteAuditLog implements AuditLog {
  private final Writer writer;
  private final Reader reader;

  SqliteAuditLog(Writer writer, Reader reader) {
    this.writer = writer;
    this.reader = reader;
  }

  @Override
  public void append(AuditEntry e) {
    AuditLogRecord r = record(e);
    writer.write(dsl -> dsl.insertInto(AUDIT_LOG).set(r).execute());
  }

  @Override
  public void appendCoalesced(AuditEntry first, String coalesceKey) {
    AuditLogRecord r = record(first);
    r.setCoalesceKey(coalesceKey);
    writer.write(
        dsl ->
            dsl.insertInto(AUDIT_LOG)
                .set(r)
                .onConflict(AUDIT_LOG.COALESCE_KEY)
                .doUpdate()
                .set(
                    AUDIT_LOG.DETAILS,
                    DSL.field(
                        "json_set(details, '$.count', coalesce(json_extract(details, '$.count'),"
                            + " 1) + 1)",
                        String.class))
                .execute());
  }

  private static AuditLogRecord record(AuditEntry e) {
    AuditLogRecord r = new AuditLogRecord();
    r.setId(Rows.text(e.id()));
    r.setAt(Rows.millis(e.at()));
    r.setActorId(e.actorId());
    r.setAction(e.action());
    r.setResource(e.resource());
    r.setResourceId(e.resourceId());
    r.setDetails(e.details());
    r.setRemoteAddr(e.remoteAddr());
    return r;
  }

  @Override
  public Page<AuditEntry> list(AuditQuery q) {
    List<AuditEntry> rows =
        reader.read(
            dsl ->
                dsl.selectFrom(AUDIT_LOG)
                    .where(conditions(q))
                    .orderBy(AUDIT_LOG.ID.desc())
                    .limit(q.limit() + 1)
                    .fetch(SqliteAuditLog::toEntry));
    return Pages.of(rows, q.limit(), AuditEntry::id);
  }

  private static List<Condition> conditions(AuditQuery q) {
    List<Condition> c = new ArrayList<>();
    if (q.action() != null) {
      c.add(AUDIT_LOG.ACTION.eq(q.action()));
    }
    if (q.resource() != null) {
      c.add(AUDIT_LOG.RESOURCE.eq(q.resource()));
    }
    if (q.actorId() != null) {
      c.add(AUDIT_LOG.ACTOR_ID.eq(q.actorId()));
    }
    if (q.since() != null) {
      c.add(AUDIT_LOG.AT.ge(Rows.millis(q.since())));
    }
    if (q.afterId() != null) {
      c.add(AUDIT_LOG.ID.lt(Rows.text(q.afterId())));
    }
    return c;
  }

  private static AuditEntry toEntry(AuditLogRecord r) {
    return new AuditEntry(
        Rows.uuid(r.getId()),
        Rows.instant(r.getAt()),
        r.getActorId(),
        r.getAction(),
        r.getResource(),
        r.getResourceId(),
        r.getDetails(),
        r.getRemoteAddr());
  }
}

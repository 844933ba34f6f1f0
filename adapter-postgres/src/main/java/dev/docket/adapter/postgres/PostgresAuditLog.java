package dev.docket.adapter.postgres;

import static dev.docket.adapter.postgres.jooq.Tables.AUDIT_LOG;

import dev.docket.domain.AuditEntry;
import dev.docket.ports.AuditLog;
import dev.docket.ports.AuditQuery;
import dev.docket.ports.Page;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** The audit trail on Postgres: append-only, listed newest first by (time-ordered) id. */
final class PostgresAuditLog implements AuditLog {
  private final Db db;

  PostgresAuditLog(Db db) {
    this.db = db;
  }

  @Override
  public void append(AuditEntry e) {
    db.run(
        ctx ->
            ctx.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.ID, e.id())
                .set(AUDIT_LOG.AT, Sql.ts(e.at()))
                .set(AUDIT_LOG.ACTOR_ID, e.actorId())
                .set(AUDIT_LOG.ACTION, e.action())
                .set(AUDIT_LOG.RESOURCE, e.resource())
                .set(AUDIT_LOG.RESOURCE_ID, e.resourceId())
                .set(AUDIT_LOG.DETAILS, Sql.json(e.details()))
                .set(AUDIT_LOG.REMOTE_ADDR, e.remoteAddr())
                .execute());
  }

  @Override
  public void appendCoalesced(AuditEntry e, String coalesceKey) {
    db.run(
        ctx ->
            ctx.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.ID, e.id())
                .set(AUDIT_LOG.AT, Sql.ts(e.at()))
                .set(AUDIT_LOG.ACTOR_ID, e.actorId())
                .set(AUDIT_LOG.ACTION, e.action())
                .set(AUDIT_LOG.RESOURCE, e.resource())
                .set(AUDIT_LOG.RESOURCE_ID, e.resourceId())
                .set(AUDIT_LOG.DETAILS, Sql.json(e.details()))
                .set(AUDIT_LOG.REMOTE_ADDR, e.remoteAddr())
                .set(AUDIT_LOG.COALESCE_KEY, coalesceKey)
                .onConflict(AUDIT_LOG.COALESCE_KEY)
                .doUpdate()
                .set(
                    AUDIT_LOG.DETAILS,
                    DSL.field(
                        "cast(jsonb_set(cast(audit_log.details as jsonb), '{count}',"
                            + " to_jsonb(coalesce(cast(audit_log.details ->> 'count' as bigint), 1)"
                            + " + 1)) as json)",
                        AUDIT_LOG.DETAILS.getDataType()))
                .execute());
  }

  @Override
  public Page<AuditEntry> list(AuditQuery q) {
    Condition where = DSL.noCondition();
    if (q.action() != null) {
      where = where.and(AUDIT_LOG.ACTION.eq(q.action()));
    }
    if (q.resource() != null) {
      where = where.and(AUDIT_LOG.RESOURCE.eq(q.resource()));
    }
    if (q.actorId() != null) {
      where = where.and(AUDIT_LOG.ACTOR_ID.eq(q.actorId()));
    }
    if (q.since() != null) {
      where = where.and(AUDIT_LOG.AT.ge(Sql.ts(q.since())));
    }
    if (q.afterId() != null) {
      where = where.and(AUDIT_LOG.ID.lt(q.afterId()));
    }
    Condition filter = where;
    List<AuditEntry> rows =
        db.run(
            ctx ->
                ctx.selectFrom(AUDIT_LOG)
                    .where(filter)
                    .orderBy(AUDIT_LOG.ID.desc())
                    .limit(q.limit() + 1)
                    .fetch(PostgresAuditLog::toEntry));
    return Pages.of(rows, q.limit(), AuditEntry::id);
  }

  private static AuditEntry toEntry(Record r) {
    return new AuditEntry(
        r.get(AUDIT_LOG.ID),
        Sql.instant(r.get(AUDIT_LOG.AT)),
        r.get(AUDIT_LOG.ACTOR_ID),
        r.get(AUDIT_LOG.ACTION),
        r.get(AUDIT_LOG.RESOURCE),
        r.get(AUDIT_LOG.RESOURCE_ID),
        Sql.text(r.get(AUDIT_LOG.DETAILS)),
        r.get(AUDIT_LOG.REMOTE_ADDR));
  }
}

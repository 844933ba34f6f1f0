package dev.docket.app.jobs;

import dev.docket.app.CliContext;
import dev.docket.app.CliSession;
import dev.docket.app.ExitCode;
import dev.docket.app.output.CliJson;
import dev.docket.app.output.CliTimes;
import dev.docket.app.output.Table;
import dev.docket.app.output.Views;
import dev.docket.domain.Artifact;
import dev.docket.domain.Job;
import dev.docket.domain.JobEvent;
import dev.docket.domain.Rules;
import dev.docket.domain.WebhookDelivery;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code docket jobs show ID}: one job, its artifacts, and optionally its event log. */
@Command(name = "show", description = "One job with its artifacts; --events adds its event log.")
final class JobsShowCommand implements Callable<Integer> {
  @ParentCommand JobsCommand parent;

  @Parameters(index = "0", paramLabel = "ID", description = "The job's id.")
  String id;

  @Option(names = "--events", description = "Also print the job's event log.")
  boolean events;

  @Override
  public Integer call() {
    CliContext ctx = parent.context();
    UUID jobId = JobLists.id("ID", id);
    try (CliSession session = CliSession.open(ctx)) {
      Job job = session.docket().jobs().get(session.actor(), jobId);
      List<Artifact> artifacts = session.docket().artifacts().list(session.actor(), jobId);
      List<JobEvent> log = events ? events(session, jobId) : List.of();
      List<WebhookDelivery> deliveries =
          job.webhookUrl() == null
              ? List.of()
              : session.docket().webhooks().list(session.actor(), jobId);
      if (ctx.json()) {
        Map<String, Object> m = new LinkedHashMap<>(Views.job(job));
        m.put("artifacts", artifacts.stream().map(Views::artifact).toList());
        m.put("webhooks", deliveries.stream().map(JobsShowCommand::delivery).toList());
        if (events) {
          m.put("events", log.stream().map(Views::event).toList());
        }
        ctx.out().println(CliJson.write(m));
      } else {
        print(ctx.out(), job, artifacts, session.store().jobs().now());
        printDeliveries(ctx.out(), deliveries);
        if (events) {
          printEvents(ctx.out(), log);
        }
      }
    }
    return ExitCode.OK;
  }

  private static List<JobEvent> events(CliSession session, UUID jobId) {
    List<JobEvent> all = new ArrayList<>();
    int page = Rules.EVENTS_PER_APPEND_MAX;
    while (true) {
      List<JobEvent> batch =
          session.docket().events().list(session.actor(), jobId, all.size(), page);
      all.addAll(batch);
      if (batch.size() < page) {
        return all;
      }
    }
  }

  private static void print(PrintWriter out, Job j, List<Artifact> artifacts, Instant now) {
    row(out, "id", j.id());
    row(out, "status", j.status().wire());
    row(out, "queue", j.queue());
    row(out, "kind", j.kind());
    row(out, "owner", j.ownerId());
    row(out, "priority", j.priority());
    row(out, "attempt", j.attempt() + " of " + j.maxAttempts());
    row(out, "progress", String.format(Locale.ROOT, "%.1f%%", j.progress()));
    row(out, "worker", j.workerId());
    row(out, "lease expires", JobsRunningCommand.lease(j.leaseExpiresAt(), now));
    row(out, "run at", CliTimes.show(j.runAt()));
    row(out, "created", CliTimes.show(j.createdAt()));
    row(out, "updated", CliTimes.show(j.updatedAt()));
    row(out, "started", CliTimes.show(j.startedAt()));
    row(out, "finished", CliTimes.show(j.finishedAt()));
    row(out, "error", j.error());
    row(out, "idempotency key", j.idempotencyKey());
    row(out, "webhook url", j.webhookUrl());
    row(out, "payload", j.payload());
    row(out, "metadata", j.metadata());
    row(out, "result", j.result());
    row(out, "events", j.eventCount());
    if (artifacts.isEmpty()) {
      row(out, "artifacts", "none");
      return;
    }
    out.println("artifacts");
    Table t = new Table("  NAME", "CONTENT TYPE", "SIZE", "SHA-256", "CREATED");
    for (Artifact a : artifacts) {
      t.row("  " + a.name(), a.contentType(), a.size(), a.sha256(), CliTimes.show(a.createdAt()));
    }
    t.print(out);
  }

  private static Map<String, Object> delivery(WebhookDelivery d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", d.id().toString());
    m.put("event", d.event());
    m.put("status", d.status().wire());
    m.put("attempts", d.attempts());
    m.put("last_status_code", d.lastStatusCode());
    m.put("last_error", d.lastError());
    m.put("next_attempt_at", d.nextAttemptAt());
    m.put("delivered_at", d.deliveredAt());
    return m;
  }

  /** Webhook attempts, so an operator sees why a receiver heard nothing. */
  private static void printDeliveries(PrintWriter out, List<WebhookDelivery> deliveries) {
    if (deliveries.isEmpty()) {
      return;
    }
    out.println("webhooks");
    Table t = new Table("  CREATED", "STATUS", "ATTEMPTS", "LAST CODE", "LAST ERROR", "NEXT");
    for (WebhookDelivery d : deliveries) {
      t.row(
          "  " + CliTimes.show(d.createdAt()),
          d.status().wire(),
          d.attempts(),
          d.lastStatusCode() == null ? "-" : d.lastStatusCode(),
          d.lastError() == null ? "-" : Table.cut(d.lastError(), 60),
          CliTimes.show(d.nextAttemptAt()));
    }
    t.print(out);
  }

  private static void printEvents(PrintWriter out, List<JobEvent> log) {
    out.println();
    Table t = new Table("SEQ", "AT", "TYPE", "DATA");
    for (JobEvent e : log) {
      t.row(e.seq(), CliTimes.show(e.at()), e.type(), Table.cut(e.data(), 120));
    }
    t.print(out);
  }

  private static void row(PrintWriter out, String label, Object value) {
    out.printf("%-16s %s%n", label, value == null ? "-" : value);
  }
}

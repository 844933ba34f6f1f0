package dev.docket.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The whole state machine as a table: every action tried in every status, by the worker that holds
 * (or last held) the lease. An allowed action names the status it leads to; a refused one names the
 * exception the caller sees.
 */
class JobTransitionTableTest {
  private static final Instant T0 = Instant.parse("2025-06-01T00:00:00.000Z");
  private static final UUID OWNER = UUID.fromString("01941a2b-0000-7000-8000-0000000000aa");
  private static final String TOKEN = "lt_holder";
  private static final Duration LEASE = Duration.ofSeconds(60);

  /** While the lease of a running job is held. */
  private static final Instant DURING = T0.plusSeconds(10);

  /** After the lease of a running job ran out. */
  private static final Instant AFTER = T0.plusSeconds(3600);

  @ParameterizedTest(name = "{1} a {0} job → {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          queued    | claim        | running
          queued    | heartbeat    | LeaseLost
          queued    | complete     | LeaseLost
          queued    | fail         | LeaseLost
          queued    | expire       | Illegal
          queued    | cancel       | cancelled
          queued    | retry        | Illegal
          queued    | append       | LeaseLost
          queued    | adminAppend  | queued
          running   | claim        | Illegal
          running   | heartbeat    | running
          running   | complete     | succeeded
          running   | fail         | queued
          running   | expire       | queued
          running   | cancel       | cancelled
          running   | retry        | Illegal
          running   | append       | running
          running   | adminAppend  | running
          succeeded | claim        | Illegal
          succeeded | heartbeat    | LeaseLost
          succeeded | complete     | LeaseLost
          succeeded | fail         | LeaseLost
          succeeded | expire       | Illegal
          succeeded | cancel       | Illegal
          succeeded | retry        | Illegal
          succeeded | append       | LeaseLost
          succeeded | adminAppend  | Illegal
          failed    | claim        | Illegal
          failed    | heartbeat    | LeaseLost
          failed    | complete     | LeaseLost
          failed    | fail         | LeaseLost
          failed    | expire       | Illegal
          failed    | cancel       | Illegal
          failed    | retry        | queued
          failed    | append       | LeaseLost
          failed    | adminAppend  | Illegal
          cancelled | claim        | Illegal
          cancelled | heartbeat    | Cancelled
          cancelled | complete     | Cancelled
          cancelled | fail         | Cancelled
          cancelled | expire       | Illegal
          cancelled | cancel       | Illegal
          cancelled | retry        | queued
          cancelled | append       | Cancelled
          cancelled | adminAppend  | Illegal
          """)
  void everyActionInEveryStatus(String status, String action, String expected) {
    Job job = jobIn(JobStatus.fromWire("status", status));

    switch (expected) {
      case "LeaseLost" ->
          assertThatThrownBy(() -> apply(job, action)).isInstanceOf(LeaseLostException.class);
      case "Cancelled" ->
          assertThatThrownBy(() -> apply(job, action)).isInstanceOf(JobCancelledException.class);
      case "Illegal" ->
          assertThatThrownBy(() -> apply(job, action))
              .isInstanceOfSatisfying(
                  IllegalTransitionException.class,
                  e -> assertThat(e.from()).isEqualTo(job.status()));
      default -> {
        Transition t = apply(job, action);
        JobStatus next = JobStatus.fromWire("expected", expected);
        assertThat(t.job().status()).isEqualTo(next);
        assertThat(t.job().version()).isEqualTo(job.version() + 1);
        assertThat(t.job().finishedAt() != null).isEqualTo(next.isTerminal());
        boolean statusChanged = next != job.status();
        assertThat(t.events().stream().anyMatch(e -> e.type().equals(JobEvent.STATUS)))
            .isEqualTo(statusChanged);
        if (t.events().size() > 0) {
          assertThat(t.events().get(0).seq()).isEqualTo(job.eventCount());
        }
      }
    }
  }

  private static Transition apply(Job job, String action) {
    List<EventDraft> log = List.of(new EventDraft("log", "\"x\""));
    return switch (action) {
      case "claim" -> job.claim(OWNER, "w2", "lt_new", DURING, LEASE);
      case "heartbeat" -> job.heartbeat(TOKEN, DURING, 50.0, null);
      case "complete" -> job.complete(TOKEN, DURING, "{}");
      case "fail" -> job.fail(TOKEN, DURING, "boom", true, Duration.ofSeconds(2));
      case "expire" -> job.expireLease(AFTER, Duration.ofSeconds(2));
      case "cancel" -> job.cancel(DURING);
      case "retry" -> job.retry(DURING);
      case "append" -> job.append(TOKEN, DURING, log);
      case "adminAppend" -> job.append(null, DURING, log);
      default -> throw new IllegalArgumentException(action);
    };
  }

  /** A job in {@code status}; every job that ran was held with {@link #TOKEN}. */
  private static Job jobIn(JobStatus status) {
    JobSpec spec = new JobSpec("k", null, null, null, null, null, 3, null, null);
    Job queued = Job.create(Ids.newId(T0), OWNER, spec, T0).job();
    if (status == JobStatus.QUEUED) {
      return queued;
    }
    Job running = queued.claim(OWNER, "w1", TOKEN, T0.plusSeconds(1), LEASE).job();
    Instant end = T0.plusSeconds(2);
    return switch (status) {
      case RUNNING -> running;
      case SUCCEEDED -> running.complete(TOKEN, end, null).job();
      case FAILED -> running.fail(TOKEN, end, "no", false, Duration.ZERO).job();
      case CANCELLED -> running.cancel(end).job();
      default -> throw new IllegalArgumentException(status.name());
    };
  }
}

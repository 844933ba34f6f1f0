package dev.docket.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docket.domain.EventDraft;
import dev.docket.domain.Job;
import dev.docket.domain.JobEvent;
import dev.docket.domain.Transition;
import dev.docket.domain.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link dev.docket.ports.EventRepository} must have, and how events are
 * written with their jobs.
 */
public abstract class EventRepositoryContract extends StoreContract {

  @Test
  void creationWritesTheStatusEventWithSeqZero() {
    Job job = insertJob(insertUser(), spec("q", "k"));

    List<JobEvent> events = store.events().list(job.id(), 0, 100);

    assertThat(events).hasSize(1);
    JobEvent e = events.get(0);
    assertThat(e.jobId()).isEqualTo(job.id());
    assertThat(e.seq()).isZero();
    assertThat(e.type()).isEqualTo(JobEvent.STATUS);
    assertThat(e.data()).contains("\"from\":null").contains("\"to\":\"queued\"");
    assertThat(e.at()).isEqualTo(job.createdAt());
    assertThat(job.eventCount()).isEqualTo(1);
  }

  @Test
  void appendedEventsRoundTripTypeDataAndTime() {
    Job job = insertJob(insertUser(), spec("q", "k"));
    String data = "{\"line\":\"Zoë – 世界 🎉\\n\",\"nested\":{\"a\":[1,2.5,null,true]}}";

    Transition t =
        store
            .jobs()
            .update(
                job.id(),
                (j, now) ->
                    j.append(
                        null,
                        now,
                        List.of(new EventDraft("log", data), new EventDraft("x.y-z", "42"))));

    assertThat(t.events()).hasSize(2);
    assertThat(store.events().list(job.id(), 1, 100)).containsExactlyElementsOf(t.events());
    JobEvent log = store.events().list(job.id(), 1, 1).get(0);
    assertThat(log.data()).isEqualTo(data);
    assertThat(log.seq()).isEqualTo(1);
    assertThat(log.at()).isEqualTo(t.events().get(0).at());
  }

  @Test
  void listHonoursFromSeqAndLimitInSeqOrder() {
    Job job = insertJob(insertUser(), spec("q", "k"));
    for (int i = 0; i < 9; i++) {
      store.jobs().update(job.id(), appendLog("line " + i));
    }

    assertThat(store.events().list(job.id(), 0, 100))
        .extracting(JobEvent::seq)
        .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    assertThat(store.events().list(job.id(), 4, 3))
        .extracting(JobEvent::seq)
        .containsExactly(4L, 5L, 6L);
    assertThat(store.events().list(job.id(), 8, 100))
        .extracting(JobEvent::seq)
        .containsExactly(8L, 9L);
    assertThat(store.events().list(job.id(), 10, 100)).isEmpty();
  }

  @Test
  void eventsOfAnAbsentJobAreEmpty() {
    assertThat(store.events().list(UUID.randomUUID(), 0, 100)).isEmpty();
  }

  @Test
  void eventsOfOneJobDoNotLeakIntoAnother() {
    User owner = insertUser();
    Job a = insertJob(owner, spec("q", "k"));
    Job b = insertJob(owner, spec("q", "k"));
    store.jobs().update(a.id(), appendLog("only a"));

    assertThat(store.events().list(b.id(), 0, 100)).hasSize(1);
    assertThat(store.events().list(a.id(), 0, 100))
        .hasSize(2)
        .allSatisfy(e -> assertThat(e.jobId()).isEqualTo(a.id()));
  }

  @Test
  void concurrentAppendersGetDenseUniqueSeqs() throws Exception {
    Job job = insertJob(insertUser(), spec("q", "k"));
    int threads = 8;
    int appendsPerThread = 100;

    runConcurrently(
        threads,
        () -> {
          for (int i = 0; i < appendsPerThread; i++) {
            store.jobs().update(job.id(), appendLog(Thread.currentThread().getName() + "-" + i));
          }
        });

    long total = 1 + (long) threads * appendsPerThread;
    List<JobEvent> events = store.events().list(job.id(), 0, (int) total + 10);
    assertThat(events)
        .extracting(JobEvent::seq)
        .containsExactlyElementsOf(LongStream.range(0, total).boxed().toList());
    Job stored = store.jobs().find(job.id()).orElseThrow();
    assertThat(stored.eventCount()).isEqualTo(total);
    assertThat(stored.version()).isEqualTo(threads * appendsPerThread);
  }

  @Test
  void concurrentLeaseHoldersAppendsAreDenseToo() throws Exception {
    User owner = insertUser();
    Job job = insertJob(owner, spec("q", "k"));
    Job claimed = claimOnly(job, claimChange(owner, "w", Duration.ofMinutes(10)));
    String token = claimed.leaseToken();

    runConcurrently(
        4,
        () -> {
          for (int i = 0; i < 25; i++) {
            store
                .jobs()
                .update(
                    job.id(),
                    (j, now) -> j.append(token, now, List.of(new EventDraft("log", "{}"))));
          }
        });

    List<JobEvent> events = store.events().list(job.id(), 0, 1000);
    assertThat(events)
        .extracting(JobEvent::seq)
        .containsExactlyElementsOf(LongStream.range(0, 102).boxed().toList());
  }

  @Test
  void everyStatusTransitionHasItsStatusEvent() {
    User owner = insertUser();
    Job job = insertJob(owner, spec("q", "k"));
    List<String> statuses = new ArrayList<>(List.of("queued"));

    Job j = claimOnly(job, claimChange(owner, "w1", Duration.ofMinutes(5)));
    statuses.add("running");
    assertEventsMatch(j);
    String t1 = j.leaseToken();
    j =
        store
            .jobs()
            .update(job.id(), (c, now) -> c.fail(t1, now, "boom", true, Duration.ZERO))
            .job();
    statuses.add("queued");
    assertEventsMatch(j);
    j = claimOnly(job, claimChange(owner, "w2", Duration.ofMinutes(5)));
    statuses.add("running");
    String t2 = j.leaseToken();
    j = store.jobs().update(job.id(), (c, now) -> c.heartbeat(t2, now, 50.0, null)).job();
    assertEventsMatch(j);
    j =
        store
            .jobs()
            .update(job.id(), (c, now) -> c.fail(t2, now, "fatal", false, Duration.ZERO))
            .job();
    statuses.add("failed");
    assertEventsMatch(j);
    j = store.jobs().update(job.id(), (c, now) -> c.retry(now)).job();
    statuses.add("queued");
    assertEventsMatch(j);
    j = store.jobs().update(job.id(), (c, now) -> c.cancel(now)).job();
    statuses.add("cancelled");
    assertEventsMatch(j);
    j = store.jobs().update(job.id(), (c, now) -> c.retry(now)).job();
    statuses.add("queued");
    j = claimOnly(job, claimChange(owner, "w3", Duration.ofMinutes(5)));
    statuses.add("running");
    String t3 = j.leaseToken();
    j = store.jobs().update(job.id(), (c, now) -> c.complete(t3, now, null)).job();
    statuses.add("succeeded");
    assertEventsMatch(j);

    List<String> seen =
        store.events().list(job.id(), 0, 100).stream()
            .filter(e -> e.type().equals(JobEvent.STATUS))
            .map(e -> e.data().replaceAll(".*\"to\":\"([a-z]+)\".*", "$1"))
            .toList();
    assertThat(seen).containsExactlyElementsOf(statuses);
  }

  private void assertEventsMatch(Job returned) {
    Job stored = store.jobs().find(returned.id()).orElseThrow();
    assertThat(stored).isEqualTo(returned);
    List<JobEvent> events = store.events().list(stored.id(), 0, 1000);
    assertThat(events).hasSize((int) stored.eventCount());
    assertThat(events.getLast().seq()).isEqualTo(stored.eventCount() - 1);
  }
}

package dev.docket.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docket.ports.JobSignals;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every store's {@link JobSignals} must have. Signals may be delivered asynchronously
 * (Postgres LISTEN/NOTIFY), so the tests wait for them.
 */
public abstract class SignalsContract extends StoreContract {

  private static void await(CountDownLatch latch) throws InterruptedException {
    assertThat(latch.await(10, TimeUnit.SECONDS)).as("signal arrived").isTrue();
  }

  @Test
  void queueSignalReachesItsSubscriber() throws Exception {
    JobSignals signals = store.signals();
    CountDownLatch woken = new CountDownLatch(1);
    try (JobSignals.Subscription s = signals.onQueue("emails", woken::countDown)) {
      signals.queueReady("emails");
      await(woken);
    }
  }

  @Test
  void jobSignalReachesItsSubscriber() throws Exception {
    JobSignals signals = store.signals();
    UUID job = UUID.randomUUID();
    CountDownLatch woken = new CountDownLatch(1);
    try (JobSignals.Subscription s = signals.onJob(job, woken::countDown)) {
      signals.jobChanged(job);
      await(woken);
    }
  }

  @Test
  void signalsReachOnlySubscribersOfThatQueueOrJobAndStopAfterClose() throws Exception {
    JobSignals signals = store.signals();
    AtomicInteger otherQueue = new AtomicInteger();
    AtomicInteger closedOne = new AtomicInteger();
    AtomicInteger otherJob = new AtomicInteger();
    UUID job = UUID.randomUUID();
    CountDownLatch marker = new CountDownLatch(2);
    JobSignals.Subscription closed = signals.onQueue("builds", closedOne::incrementAndGet);
    try (JobSignals.Subscription a = signals.onQueue("other", otherQueue::incrementAndGet);
        JobSignals.Subscription b = signals.onJob(UUID.randomUUID(), otherJob::incrementAndGet);
        JobSignals.Subscription c = signals.onQueue("builds", marker::countDown);
        JobSignals.Subscription d = signals.onJob(job, marker::countDown)) {
      closed.close();
      signals.queueReady("builds");
      signals.jobChanged(job);
      await(marker);
      // a second round on the same channels: anything misrouted by the first has arrived by now
      CountDownLatch again = new CountDownLatch(1);
      try (JobSignals.Subscription e = signals.onQueue("builds", again::countDown)) {
        signals.queueReady("builds");
        await(again);
      }
    }
    assertThat(otherQueue).hasValue(0);
    assertThat(otherJob).hasValue(0);
    assertThat(closedOne).hasValue(0);
  }

  @Test
  void everySubscriberOfAQueueIsWoken() throws Exception {
    JobSignals signals = store.signals();
    CountDownLatch both = new CountDownLatch(2);
    try (JobSignals.Subscription a = signals.onQueue("q", both::countDown);
        JobSignals.Subscription b = signals.onQueue("q", both::countDown)) {
      signals.queueReady("q");
      await(both);
    }
  }
}

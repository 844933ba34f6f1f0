package dev.docket.ports.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The timing loop both store adapters' {@link RawCeiling}s share, so that their numbers differ only
 * by the statements they run: {@code threads} platform threads (JDBC drivers block in native code)
 * start together, each repeats its operation until the time is up, and every operation's latency is
 * kept.
 */
public final class CeilingLoop {
  private CeilingLoop() {}

  /** One thread's work: its own connection, opened before the clock starts. */
  public interface Session {
    /**
     * Does one operation.
     *
     * @return how many operations it did: 1, or 0 when there was nothing to do (the thread stops)
     */
    int once() throws Exception;

    /** Closes its connection; called once, also after a failure. */
    void close() throws Exception;
  }

  /** Opens one thread's session. */
  public interface Opener {
    Session open() throws Exception;
  }

  /**
   * Runs {@code threads} sessions for {@code duration}.
   *
   * @throws IllegalStateException when a session fails, with that failure as the cause
   */
  public static CeilingRun run(int threads, Duration duration, Opener opener) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
    long[][] latencies = new long[threads][];
    int[] counts = new int[threads];
    AtomicReference<Exception> failure = new AtomicReference<>();
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    long[] ends = new long[threads];
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int index = t;
      Thread worker =
          Thread.ofPlatform()
              .name("ceiling-" + t)
              .start(
                  () -> {
                    LatencyBuffer buffer = new LatencyBuffer();
                    Session session = null;
                    try {
                      session = opener.open();
                      ready.countDown();
                      go.await();
                      long deadline = System.nanoTime() + duration.toNanos();
                      long now = System.nanoTime();
                      while (now < deadline && failure.get() == null) {
                        int done = session.once();
                        long after = System.nanoTime();
                        if (done == 0) {
                          break;
                        }
                        counts[index] += done;
                        buffer.add(after - now);
                        now = after;
                      }
                      ends[index] = System.nanoTime();
                    } catch (Exception e) {
                      failure.compareAndSet(null, e);
                      ready.countDown();
                    } finally {
                      latencies[index] = buffer.toArray();
                      closeQuietly(session, failure);
                    }
                  });
      workers.add(worker);
    }
    long start;
    try {
      ready.await();
      start = System.nanoTime();
      go.countDown();
      for (Thread w : workers) {
        w.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while measuring", e);
    }
    if (failure.get() != null) {
      throw new IllegalStateException("ceiling probe failed: " + failure.get(), failure.get());
    }
    long end = Arrays.stream(ends).max().orElse(start);
    long total = Arrays.stream(counts).asLongStream().sum();
    // join() orders every thread's writes to counts, ends and latencies before these reads
    long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
    return new CeilingRun(
        total,
        Duration.ofNanos(Math.max(0, end - start)),
        Duration.ofNanos(percentile(all, 50)),
        Duration.ofNanos(percentile(all, 99)));
  }

  private static void closeQuietly(Session session, AtomicReference<Exception> failure) {
    if (session == null) {
      return;
    }
    try {
      session.close();
    } catch (Exception e) {
      failure.compareAndSet(null, e);
    }
  }

  /** The nearest-rank percentile of sorted values; 0 for none. */
  static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static final class LatencyBuffer {
    private long[] values = new long[1024];
    private int size;

    void add(long v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    long[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}

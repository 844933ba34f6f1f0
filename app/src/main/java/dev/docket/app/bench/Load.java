package dev.docket.app.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs clients, each a virtual thread repeating its step until the time is up, and measures them:
 * the operations they counted, every request's latency, the process's CPU and memory.
 */
final class Load {
  /** What a step may answer besides a count of operations. */
  static final int STOP = -1;

  /** One client's repeated step. */
  interface Step {
    /**
     * Does one round of requests, timing each through {@code timer}.
     *
     * @return the operations it completed (0 is fine), or {@link #STOP} when there is nothing left
     */
    int once(Timer timer) throws Exception;
  }

  /** Makes client number {@code index}'s step. */
  interface Client {
    Step create(int index);
  }

  /** Latencies of one client's requests. */
  static final class Timer {
    private long[] values = new long[256];
    private int size;

    /** Records a latency in nanoseconds. */
    void record(long nanos) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = nanos;
    }

    /** Runs one request and records its latency. */
    <T> T time(Request<T> request) throws Exception {
      long start = System.nanoTime();
      T result = request.call();
      record(System.nanoTime() - start);
      return result;
    }

    long[] values() {
      return Arrays.copyOf(values, size);
    }
  }

  /** One request. */
  interface Request<T> {
    T call() throws Exception;
  }

  private Load() {}

  /** Runs each group of clients at once for {@code duration}; every group's operations count. */
  static Measurement run(Duration duration, List<Group> groups) {
    List<Thread> threads = new ArrayList<>();
    List<Timer> timers = new ArrayList<>();
    List<long[]> results = new ArrayList<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    long cpuBefore = ProcessMeter.cpuNanos();
    long start = System.nanoTime();
    long deadline = start + duration.toNanos();
    for (Group group : groups) {
      for (int i = 0; i < group.clients(); i++) {
        Step step = group.client().create(i);
        Timer timer = new Timer();
        long[] result = new long[2]; // operations, end of the last counted one
        timers.add(timer);
        results.add(result);
        threads.add(
            Thread.ofVirtual()
                .start(
                    () -> {
                      try {
                        while (System.nanoTime() < deadline && failure.get() == null) {
                          int done = step.once(timer);
                          if (done == STOP) {
                            break;
                          }
                          if (done > 0) {
                            result[0] += done;
                            result[1] = System.nanoTime();
                          }
                        }
                      } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                      }
                    }));
      }
    }
    try {
      for (Thread t : threads) {
        t.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchFailedException("interrupted", e);
    }
    long wallEnd = System.nanoTime();
    long cpuAfter = ProcessMeter.cpuNanos();
    if (failure.get() != null) {
      Throwable f = failure.get();
      throw f instanceof BenchFailedException b ? b : new BenchFailedException(f.toString(), f);
    }
    // join() orders the clients' writes before these reads
    long operations = results.stream().mapToLong(r -> r[0]).sum();
    long end = results.stream().mapToLong(r -> r[1]).max().orElse(start);
    long[] all = timers.stream().flatMapToLong(t -> Arrays.stream(t.values())).sorted().toArray();
    double cores =
        cpuBefore < 0 || cpuAfter < 0 ? -1 : (cpuAfter - cpuBefore) / (double) (wallEnd - start);
    return new Measurement(
        operations,
        Duration.ofNanos(Math.max(0, end - start)),
        Duration.ofNanos(Stats.percentile(all, 50)),
        Duration.ofNanos(Stats.percentile(all, 99)),
        cores,
        ProcessMeter.rssBytes());
  }

  /** {@code clients} clients made by {@code client}. */
  record Group(int clients, Client client) {}
}

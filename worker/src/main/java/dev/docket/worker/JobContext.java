package dev.docket.worker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link JobHandler} gets: the job, its log, progress and artifacts, and the signal to stop.
 *
 * <p>Log lines and progress are buffered and sent in order, in small batches, while the handler
 * runs; all of them reach the job's log before its outcome is reported, and before any artifact
 * uploaded after them. One context belongs to one attempt and is safe to use from several threads.
 *
 * <p><b>Stopping.</b> When the job is cancelled, times out, its lease is lost, or the runtime's
 * grace period at shutdown is over, {@link #isCancelled()} turns true, {@link #stopReason()} says
 * why, and the handler's thread is interrupted once.
 */
public final class JobContext {
  /** At most this many updates per append call (the server takes up to 1000). */
  static final int BATCH = 500;

  private final ClaimedJob job;
  private final WorkerTransport transport;
  private final Runnable wakeSupervisor;
  private final List<Update> pending = new ArrayList<>();
  private final Object sendLock = new Object();
  private Thread handlerThread;
  private boolean handlerDone;
  private volatile StopReason stopReason;
  private volatile String result;

  JobContext(ClaimedJob job, WorkerTransport transport, Runnable wakeSupervisor) {
    this.job = job;
    this.transport = transport;
    this.wakeSupervisor = wakeSupervisor;
  }

  /** The job's id. */
  public String id() {
    return job.id();
  }

  /** The job's kind. */
  public String kind() {
    return job.kind();
  }

  /** The queue the job was claimed from. */
  public String queue() {
    return job.queue();
  }

  /** The payload as JSON text ({@code {}} when the submitter gave none). */
  public String payload() {
    return job.payload();
  }

  /** This attempt's number, 1 for the first. */
  public int attempt() {
    return job.attempt();
  }

  /** The job as claimed, lease token included. */
  public ClaimedJob job() {
    return job;
  }

  /** Adds {@code line} to the job's log (sent shortly, in order). */
  public void log(String line) {
    add(new Update.Log(Objects.requireNonNull(line, "line")));
  }

  /** Reports progress, 0 to 100 (sent shortly, in order with the log). */
  public void progress(double percent) {
    if (!(percent >= 0 && percent <= 100)) {
      throw new IllegalArgumentException("progress must be between 0 and 100: " + percent);
    }
    add(new Update.Progress(percent));
  }

  /**
   * Sets the job's result, JSON text (e.g. {@code {"rows":42}}), reported when the handler returns
   * normally; null for none.
   */
  public void result(String json) {
    this.result = json;
  }

  /**
   * Uploads the file at {@code file} as the artifact {@code name}, after every log line added so
   * far.
   *
   * @throws LeaseEndedException the lease ended meanwhile (the handler is being stopped too)
   */
  public void upload(String name, String contentType, Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      upload(name, contentType, in);
    }
  }

  /**
   * Uploads {@code data} (read to its end, not closed) as the artifact {@code name}, after every
   * log line added so far.
   *
   * @throws LeaseEndedException the lease ended meanwhile (the handler is being stopped too)
   */
  public void upload(String name, String contentType, InputStream data) throws IOException {
    synchronized (sendLock) {
      flush();
      try {
        transport.upload(job, name, contentType, data);
      } catch (LeaseEndedException e) {
        stop(e.reason());
        throw e;
      }
    }
  }

  /** Whether the handler should stop: see {@link #stopReason()}. */
  public boolean isCancelled() {
    return stopReason != null;
  }

  /** Why the handler should stop, or empty while it may go on. */
  public Optional<StopReason> stopReason() {
    return Optional.ofNullable(stopReason);
  }

  private void add(Update u) {
    boolean full;
    synchronized (pending) {
      pending.add(u);
      full = pending.size() >= BATCH;
    }
    if (full) {
      wakeSupervisor.run();
    }
  }

  /**
   * Sends every pending update, in batches; a transient failure leaves the unsent ones pending, in
   * order, and is rethrown.
   *
   * @return whether anything was sent
   */
  boolean flush() {
    synchronized (sendLock) {
      boolean sent = false;
      while (true) {
        List<Update> batch;
        synchronized (pending) {
          if (pending.isEmpty()) {
            return sent;
          }
          batch = List.copyOf(pending.subList(0, Math.min(BATCH, pending.size())));
        }
        transport.append(job, batch);
        synchronized (pending) {
          pending.subList(0, batch.size()).clear();
        }
        sent = true;
      }
    }
  }

  String resultJson() {
    return result;
  }

  synchronized void handlerStarted(Thread t) {
    handlerThread = t;
  }

  /** The handler returned or threw; no interrupt reaches its thread after this. */
  synchronized void handlerDone() {
    handlerDone = true;
  }

  /** Asks the handler to stop: the first reason wins; the handler's thread is interrupted once. */
  synchronized void stop(StopReason reason) {
    if (stopReason != null) {
      return;
    }
    stopReason = reason;
    if (!handlerDone && handlerThread != null && handlerThread != Thread.currentThread()) {
      handlerThread.interrupt();
    }
  }
}

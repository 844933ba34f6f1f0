package dev.docket.ports;

/** What a prune removed. */
public record PruneResult(long jobs, long events, long artifacts) {
  public static final PruneResult NONE = new PruneResult(0, 0, 0);

  public PruneResult plus(PruneResult o) {
    return new PruneResult(jobs + o.jobs, events + o.events, artifacts + o.artifacts);
  }
}

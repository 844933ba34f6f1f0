package dev.docket.adapter.http.ops;

import dev.docket.domain.JobStatus;
import dev.docket.ports.JobStats;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Job statistics on the wire: every status present in every count map, zero included. */
record StatsView(
    Map<String, Long> byStatus,
    Map<String, Map<String, Long>> byQueue,
    Double successRate,
    Double avgDurationSeconds,
    Double p95DurationSeconds) {

  static StatsView of(JobStats s) {
    Map<String, Map<String, Long>> queues = new TreeMap<>();
    s.byQueue().forEach((q, counts) -> queues.put(q, counts(counts)));
    return new StatsView(
        counts(s.byStatus()),
        queues,
        s.successRate(),
        s.avgDurationSeconds(),
        s.p95DurationSeconds());
  }

  static Map<String, Long> counts(Map<JobStatus, Long> byStatus) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (JobStatus st : JobStatus.values()) {
      out.put(st.wire(), byStatus.getOrDefault(st, 0L));
    }
    return out;
  }
}

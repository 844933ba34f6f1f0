package dev.docket.app.bench;

import java.time.Duration;

/**
 * One named, timed workload and the ceiling it is compared with.
 *
 * @param name what {@code --scenarios} selects it by
 * @param description one line for the report
 * @param ceiling what its throughput is divided by
 * @param body runs it once for a given time
 */
record Scenario(String name, String description, Ceiling ceiling, Body body) {
  /** One repetition. */
  interface Body {
    Measurement run(Workload workload, Duration duration) throws Exception;
  }
}

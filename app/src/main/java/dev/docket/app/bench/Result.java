package dev.docket.app.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The median of a scenario's (or a ceiling's) repetitions, with every repetition's throughput.
 *
 * @param name the scenario or ceiling name
 * @param description one line on what ran
 * @param median the repetition with the median throughput (its latencies, CPU and memory shown)
 * @param perSecond every repetition's throughput, in the order run
 */
record Result(String name, String description, Measurement median, List<Double> perSecond) {
  static Result of(String name, String description, List<Measurement> runs) {
    double[] rates = runs.stream().mapToDouble(Measurement::perSecond).toArray();
    return new Result(
        name,
        description,
        runs.get(Stats.medianIndex(rates)),
        Arrays.stream(rates).boxed().toList());
  }

  double medianPerSecond() {
    return median.perSecond();
  }
}

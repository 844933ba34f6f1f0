package dev.docket.app.bench;

import java.util.Arrays;

/** The arithmetic of a benchmark report: percentiles of latencies and medians of repetitions. */
final class Stats {
  private Stats() {}

  /**
   * The nearest-rank percentile: the smallest value with at least {@code p} percent of the values
   * at or below it. 0 for no values.
   *
   * @param sorted values in ascending order
   * @param p 0 (exclusive) to 100
   */
  static long percentile(long[] sorted, double p) {
    if (p <= 0 || p > 100) {
      throw new IllegalArgumentException("percentile must be in (0, 100], not " + p);
    }
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(1, rank) - 1];
  }

  /**
   * Which repetition is the median one: the index of the middle value, the lower of the two middle
   * ones for an even count (so the figures shown together come from one real run).
   */
  static int medianIndex(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    Integer[] order = new Integer[values.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
    return order[(values.length - 1) / 2];
  }

  /** The median of the values; the lower middle one for an even count, as {@link #medianIndex}. */
  static double median(double[] values) {
    return values[medianIndex(values)];
  }
}

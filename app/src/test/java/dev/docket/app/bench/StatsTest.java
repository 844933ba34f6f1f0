package dev.docket.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StatsTest {
  @Test
  void percentileIsTheNearestRank() {
    long[] values = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};
    assertThat(Stats.percentile(values, 50)).isEqualTo(50);
    assertThat(Stats.percentile(values, 99)).isEqualTo(100);
    assertThat(Stats.percentile(values, 10)).isEqualTo(10);
    assertThat(Stats.percentile(values, 11)).isEqualTo(20);
    assertThat(Stats.percentile(values, 100)).isEqualTo(100);
  }

  @Test
  void percentileOfOneValueIsThatValue() {
    assertThat(Stats.percentile(new long[] {7}, 50)).isEqualTo(7);
    assertThat(Stats.percentile(new long[] {7}, 99)).isEqualTo(7);
  }

  @Test
  void percentileOfNothingIsZero() {
    assertThat(Stats.percentile(new long[0], 99)).isZero();
  }

  @Test
  void p99OfAHundredValuesIsTheSecondLargest() {
    long[] values = new long[100];
    for (int i = 0; i < 100; i++) {
      values[i] = i + 1;
    }
    assertThat(Stats.percentile(values, 99)).isEqualTo(99);
    assertThat(Stats.percentile(values, 50)).isEqualTo(50);
  }

  @Test
  void percentileOutsideTheRangeIsRefused() {
    assertThatThrownBy(() -> Stats.percentile(new long[] {1}, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Stats.percentile(new long[] {1}, 101))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void medianOfAnOddCountIsTheMiddleValueWhateverTheOrder() {
    assertThat(Stats.median(new double[] {300, 100, 200})).isEqualTo(200);
    assertThat(Stats.medianIndex(new double[] {300, 100, 200})).isEqualTo(2);
  }

  @Test
  void medianOfAnEvenCountIsTheLowerMiddleRunSoItsFiguresBelongTogether() {
    assertThat(Stats.median(new double[] {4, 1, 3, 2})).isEqualTo(2);
    assertThat(Stats.medianIndex(new double[] {4, 1, 3, 2})).isEqualTo(3);
  }

  @Test
  void medianOfOneRunIsThatRun() {
    assertThat(Stats.median(new double[] {42.5})).isEqualTo(42.5);
  }

  @Test
  void medianOfNothingIsRefused() {
    assertThatThrownBy(() -> Stats.median(new double[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void resultShowsTheMedianRepetitionAndKeepsEveryRate() {
    Result r = Result.of("submit-1", "d", java.util.List.of(run(300), run(100), run(200)));
    assertThat(r.medianPerSecond()).isEqualTo(200.0);
    assertThat(r.perSecond()).containsExactly(300.0, 100.0, 200.0);
  }

  private static Measurement run(long operationsInOneSecond) {
    java.time.Duration second = java.time.Duration.ofSeconds(1);
    return new Measurement(
        operationsInOneSecond, second, java.time.Duration.ZERO, java.time.Duration.ZERO, 1, 1);
  }
}

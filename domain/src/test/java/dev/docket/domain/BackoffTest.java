package dev.docket.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static final Backoff NO_JITTER =
      new Backoff(Duration.ofSeconds(2), Duration.ofHours(1), 0);

  /** A generator whose {@code nextDouble} is always {@code value}, to hit the jitter bounds. */
  private static RandomGenerator fixed(double value) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        return 0;
      }

      @Override
      public double nextDouble() {
        return value;
      }
    };
  }

  @Test
  void defaultIsTwoSecondsDoublingWithAQuarterJitterCappedAtAnHour() {
    assertThat(Backoff.DEFAULT.base()).isEqualTo(Duration.ofSeconds(2));
    assertThat(Backoff.DEFAULT.cap()).isEqualTo(Duration.ofHours(1));
    assertThat(Backoff.DEFAULT.jitter()).isEqualTo(0.25);
  }

  @Test
  void withoutJitterTheDelayIsExactAndDoublesPerAttempt() {
    RandomGenerator random = new SplittableRandom(1);

    assertThat(NO_JITTER.delay(1, random)).isEqualTo(Duration.ofSeconds(2));
    assertThat(NO_JITTER.delay(2, random)).isEqualTo(Duration.ofSeconds(4));
    assertThat(NO_JITTER.delay(3, random)).isEqualTo(Duration.ofSeconds(8));
    assertThat(NO_JITTER.delay(10, random)).isEqualTo(Duration.ofSeconds(1024));
    assertThat(NO_JITTER.delay(11, random)).isEqualTo(Duration.ofSeconds(2048));
  }

  @Test
  void delayIsCappedAtTheCap() {
    RandomGenerator random = new SplittableRandom(1);

    assertThat(NO_JITTER.delay(12, random)).isEqualTo(Duration.ofHours(1));
    assertThat(NO_JITTER.delay(100, random)).isEqualTo(Duration.ofHours(1));
    assertThat(NO_JITTER.delay(Integer.MAX_VALUE, random)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void attemptZeroOrBelowTakesTheBase() {
    assertThat(NO_JITTER.delay(0, fixed(0.5))).isEqualTo(Duration.ofSeconds(2));
    assertThat(NO_JITTER.delay(-5, fixed(0.5))).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void jitterStaysWithinAQuarterEitherWayAndSpreadsOverTheRange() {
    RandomGenerator random = new SplittableRandom(42);
    for (int attempt = 1; attempt <= 6; attempt++) {
      long nominal = 2_000L << (attempt - 1);
      long min = Long.MAX_VALUE;
      long max = Long.MIN_VALUE;
      for (int i = 0; i < 20_000; i++) {
        long d = Backoff.DEFAULT.delay(attempt, random).toMillis();
        min = Math.min(min, d);
        max = Math.max(max, d);
      }
      assertThat(min).isGreaterThanOrEqualTo(Math.round(nominal * 0.75));
      assertThat(max).isLessThanOrEqualTo(Math.round(nominal * 1.25));
      // 20 000 uniform samples come within 1 % of both ends of the range
      assertThat(min).isLessThan(Math.round(nominal * 0.76));
      assertThat(max).isGreaterThan(Math.round(nominal * 1.24));
    }
  }

  @Test
  void jitterBoundsAreExactAtTheExtremesOfTheRandomSource() {
    assertThat(Backoff.DEFAULT.delay(1, fixed(0.0))).isEqualTo(Duration.ofMillis(1500));
    assertThat(Backoff.DEFAULT.delay(1, fixed(0.5))).isEqualTo(Duration.ofMillis(2000));
    assertThat(Backoff.DEFAULT.delay(1, fixed(Math.nextDown(1.0))))
        .isEqualTo(Duration.ofMillis(2500));
  }

  @Test
  void jitterNeverPushesTheDelayOverTheCap() {
    RandomGenerator random = new SplittableRandom(7);
    for (int i = 0; i < 10_000; i++) {
      Duration d = Backoff.DEFAULT.delay(30, random);
      assertThat(d).isLessThanOrEqualTo(Duration.ofHours(1));
      assertThat(d).isGreaterThanOrEqualTo(Duration.ofMinutes(45));
    }
    assertThat(Backoff.DEFAULT.delay(30, fixed(Math.nextDown(1.0)))).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void zeroJitterIgnoresTheRandomSource() {
    assertThat(NO_JITTER.delay(3, fixed(0.0))).isEqualTo(Duration.ofSeconds(8));
    assertThat(NO_JITTER.delay(3, fixed(0.99))).isEqualTo(Duration.ofSeconds(8));
  }

  @Test
  void aZeroBackoffIsAllowed() {
    Backoff none = new Backoff(Duration.ZERO, Duration.ZERO, 0);

    assertThat(none.delay(5, fixed(0.3))).isEqualTo(Duration.ZERO);
  }

  @Test
  void invalidSettingsAreRefused() {
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(5), 0.1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(-1), Duration.ofSeconds(5), 0.1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5), 1.0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5), -0.1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(null, Duration.ofSeconds(5), 0.1))
        .isInstanceOf(NullPointerException.class);
  }
}

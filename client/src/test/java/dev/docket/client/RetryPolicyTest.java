package dev.docket.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy policy =
      new RetryPolicy(Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30));

  @Test
  void delaysDoubleWithJitterInTheUpperHalfAndStopAtTheMaximum() {
    for (int i = 0; i < 200; i++) {
      assertThat(policy.delay(0)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
      assertThat(policy.delay(3)).isBetween(Duration.ofMillis(800), Duration.ofMillis(1600));
      assertThat(policy.delay(40)).isBetween(Duration.ofMillis(2500), Duration.ofSeconds(5));
    }
  }

  @Test
  void noneNeverWaitsAndAnInvertedPolicyIsRefused() {
    assertThat(RetryPolicy.none().delay(5)).isZero();
    assertThatThrownBy(
            () -> new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
    assertThat(Transport.retryAfter("3")).isEqualTo(Duration.ofSeconds(3));
    String inTenSeconds =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
    assertThat(Transport.retryAfter(inTenSeconds))
        .isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
    assertThat(Transport.retryAfter("soon")).isNull();
    assertThat(Transport.retryAfter((String) null)).isNull();
  }
}

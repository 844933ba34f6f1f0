package dev.docket.adapter.http.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docket.domain.ValidationException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimesTest {
  @Test
  void durationsAcceptSecondsAndUnits() {
    assertThat(Times.duration("d", "90")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Times.duration("d", "90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Times.duration("d", "15m")).isEqualTo(Duration.ofMinutes(15));
    assertThat(Times.duration("d", "12h")).isEqualTo(Duration.ofHours(12));
    assertThat(Times.duration("d", "30d")).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void otherDurationsNameTheField() {
    for (String bad : new String[] {"", "-5s", "1w", "5 minutes", "1.5h", "s"}) {
      assertThatThrownBy(() -> Times.duration("older_than", bad))
          .isInstanceOf(ValidationException.class)
          .satisfies(
              e ->
                  assertThat(((ValidationException) e).errors().get(0).field())
                      .isEqualTo("older_than"));
    }
  }

  @Test
  void timesParseWithAnyOffsetAndPrintInUtcWithMilliseconds() {
    Instant t = Times.parse("since", "2026-11-23T10:15:02.1+01:00");
    assertThat(InstantSerializer.format(t)).isEqualTo("2026-11-23T09:15:02.100Z");
    assertThat(InstantSerializer.format(Instant.parse("2026-11-23T09:15:02Z")))
        .isEqualTo("2026-11-23T09:15:02.000Z");
    assertThatThrownBy(() -> Times.parse("since", "2026-11-23"))
        .isInstanceOf(ValidationException.class);
  }
}

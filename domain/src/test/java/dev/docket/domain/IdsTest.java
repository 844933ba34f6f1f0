package dev.docket.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdsTest {

  @Test
  void idsAreVersion7WithTheRfcVariant() {
    for (int i = 0; i < 1000; i++) {
      UUID id = Ids.newId();
      assertThat(id.version()).isEqualTo(7);
      assertThat(id.variant()).isEqualTo(2);
    }
  }

  @Test
  void hundredThousandIdsAreStrictlyIncreasingAsTextAndAsBits() {
    UUID previous = Ids.newId();
    for (int i = 0; i < 100_000; i++) {
      UUID next = Ids.newId();
      // stores sort ids as text (SQLite) or as unsigned bytes (Postgres uuid)
      assertThat(next.toString()).isGreaterThan(previous.toString());
      assertThat(
              Long.compareUnsigned(
                  next.getMostSignificantBits(), previous.getMostSignificantBits()))
          .isPositive();
      previous = next;
    }
  }

  @Test
  void idsMadeAtOneInstantAreStillStrictlyIncreasing() {
    Instant at = Instant.parse("2099-01-01T00:00:00.000Z");
    UUID previous = Ids.newId(at);
    for (int i = 0; i < 10_000; i++) {
      UUID next = Ids.newId(at);
      assertThat(next.toString()).isGreaterThan(previous.toString());
      assertThat(next.version()).isEqualTo(7);
      previous = next;
    }
  }

  @Test
  void anEarlierInstantNeverMakesASmallerId() {
    UUID late = Ids.newId(Instant.parse("2099-06-01T00:00:00.000Z"));

    UUID early = Ids.newId(Instant.parse("2000-01-01T00:00:00.000Z"));

    assertThat(early.toString()).isGreaterThan(late.toString());
  }

  @Test
  void instantOfRoundTripsTheMillisecondOfTheId() {
    Instant at = Instant.parse("2100-03-04T05:06:07.891234Z");

    UUID id = Ids.newId(at);

    assertThat(Ids.instantOf(id)).isEqualTo(Instant.parse("2100-03-04T05:06:07.891Z"));
  }

  @Test
  void parseAcceptsAnIdInItsCanonicalForm() {
    UUID id = Ids.newId();

    assertThat(Ids.parse("id", id.toString())).isEqualTo(id);
    assertThat(Ids.parse("id", id.toString().toUpperCase())).isEqualTo(id);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "x",
        "not-a-uuid",
        "01941a2b-3c4d-7e5f-8a6b-7c8d9e0f1a2",
        "01941a2b-3c4d-7e5f-8a6b-7c8d9e0f1a2b0",
        "01941a2b-3c4d-7e5f-8a6b-7c8d9e0f1a2g",
        "01941a2b3c4d-7e5f-8a6b-7c8d9e0f1a2bc",
        "0-0-0-0-0000000000000000000000000000",
        "+1941a2b-3c4d-7e5f-8a6b-7c8d9e0f1a2b",
        " 1941a2b-3c4d-7e5f-8a6b-7c8d9e0f1a2b",
        "01941a2b-3c4d-7e5f-8a6b-7c8d9e0f1a2b\n"
      })
  void parseRejectsJunkNamingTheField(String text) {
    assertThatThrownBy(() -> Ids.parse("job_id", text))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("job_id"));
  }
}

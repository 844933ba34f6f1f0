package dev.docket.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobSpecTest {

  private static JobSpec kindOnly(String kind) {
    return new JobSpec(kind, null, null, null, null, null, null, null, null);
  }

  private static List<String> fields(List<FieldError> errors) {
    return errors.stream().map(FieldError::field).toList();
  }

  @Test
  void aKindAloneIsAValidSpecWithTheContractDefaults() {
    JobSpec spec = kindOnly("build");

    assertThat(spec.validate("")).isEmpty();
    assertThat(spec.queueOrDefault()).isEqualTo("default");
    assertThat(spec.maxAttemptsOrDefault()).isEqualTo(3);
  }

  @Test
  void aFullSpecIsValid() {
    JobSpec spec =
        new JobSpec(
            "build",
            "ci.linux",
            "{\"a\":[1,2]}",
            "{\"team\":\"x\"}",
            -5,
            Instant.parse("2030-01-01T00:00:00Z"),
            100,
            "key",
            "https://example.com/hook");

    assertThat(spec.validate("")).isEmpty();
  }

  @Test
  void everyBrokenFieldIsNamedAtOnce() {
    JobSpec spec =
        new JobSpec(
            null,
            "Bad Queue",
            null,
            "[1]",
            null,
            Instant.parse("+10000-01-01T00:00:00Z"),
            101,
            "",
            "ftp://example.com");

    assertThat(fields(spec.validate("")))
        .containsExactlyInAnyOrder(
            "kind",
            "queue",
            "metadata",
            "run_at",
            "max_attempts",
            "idempotency_key",
            "webhook_url");
  }

  @Test
  void fieldsArePrefixedWithThePathOfTheJobInABatch() {
    JobSpec spec = new JobSpec("", "UP", null, null, null, null, 0, null, null);

    assertThat(fields(spec.validate("jobs[1].")))
        .containsExactlyInAnyOrder("jobs[1].kind", "jobs[1].queue", "jobs[1].max_attempts");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "\"text\"", "42", "null", "true", " [ {} ]"})
  void metadataMustBeAnObject(String metadata) {
    JobSpec spec = new JobSpec("k", null, null, metadata, null, null, null, null, null);

    assertThat(fields(spec.validate(""))).containsExactly("metadata");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "{\"a\":1}", "  {\"a\":1}"})
  void metadataObjectsAreValid(String metadata) {
    JobSpec spec = new JobSpec("k", null, null, metadata, null, null, null, null, null);

    assertThat(spec.validate("")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "\"text\"", "42", "null", "{}"})
  void payloadMayBeAnyJson(String payload) {
    JobSpec spec = new JobSpec("k", null, payload, null, null, null, null, null, null);

    assertThat(spec.validate("")).isEmpty();
  }

  @Test
  void maxAttemptsBoundsAreInclusive() {
    for (int n : new int[] {1, 100}) {
      assertThat(new JobSpec("k", null, null, null, null, null, n, null, null).validate(""))
          .isEmpty();
    }
    for (int n : new int[] {0, 101}) {
      assertThat(fields(new JobSpec("k", null, null, null, null, null, n, null, null).validate("")))
          .containsExactly("max_attempts");
    }
  }

  @Test
  void runAtInTheLastMillisecondOfYear9999IsValid() {
    JobSpec spec =
        new JobSpec(
            "k",
            null,
            null,
            null,
            null,
            Instant.parse("9999-12-31T23:59:59.999Z"),
            null,
            null,
            null);

    assertThat(spec.validate("")).isEmpty();
  }

  @Test
  void runAtInThePastIsValid() {
    JobSpec spec =
        new JobSpec(
            "k", null, null, null, null, Instant.parse("1970-01-01T00:00:00Z"), null, null, null);

    assertThat(spec.validate("")).isEmpty();
  }
}

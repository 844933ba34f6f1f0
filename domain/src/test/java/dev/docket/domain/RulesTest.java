package dev.docket.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RulesTest {

  /** The errors {@code rule} finds in {@code value} under the field name {@code f}. */
  private static <T> List<FieldError> check(Rule<T> rule, T value) {
    List<FieldError> errors = new ArrayList<>();
    rule.check("f", value, errors);
    return errors;
  }

  @FunctionalInterface
  private interface Rule<T> {
    void check(String field, T value, List<FieldError> errors);
  }

  private static void assertValid(Rule<String> rule, String value) {
    assertThat(check(rule, value)).as("'%s' should be valid", value).isEmpty();
  }

  private static void assertInvalid(Rule<String> rule, String value) {
    assertThat(check(rule, value))
        .as("'%s' should be invalid", value)
        .singleElement()
        .extracting(FieldError::field)
        .isEqualTo("f");
  }

  // ---- queue -----------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"default", "a", "ci.linux-x64_2", "0", "...", "-_."})
  void queueNamesOfLowerCaseDigitsDotsDashesAndUnderscoresAreValid(String q) {
    assertValid(Rules::queue, q);
  }

  @Test
  void queueNameOf64CharactersIsValidAnd65IsNot() {
    assertValid(Rules::queue, "q".repeat(64));
    assertInvalid(Rules::queue, "q".repeat(65));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"Default", "a b", "a/b", "é", "a:b", "queue\n", " q"})
  void otherQueueNamesAreInvalid(String q) {
    assertInvalid(Rules::queue, q);
  }

  // ---- kind ------------------------------------------------------------------------------

  @Test
  void kindOfOneTo200CharactersIsValid() {
    assertValid(Rules::kind, "k");
    assertValid(Rules::kind, "Build Linux/x64 ✓");
    assertValid(Rules::kind, "k".repeat(200));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "\t\n"})
  void kindIsRequired(String kind) {
    assertThat(check(Rules::kind, kind))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).isEqualTo("is required"));
  }

  @Test
  void kindOver200CharactersIsInvalid() {
    assertThat(check(Rules::kind, "k".repeat(201)))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("200"));
  }

  // ---- max_attempts and ranges -----------------------------------------------------------

  @Test
  void maxAttemptsRunsFromOneToOneHundred() {
    Rule<Integer> rule = Rules::maxAttempts;
    assertThat(check(rule, 1)).isEmpty();
    assertThat(check(rule, 100)).isEmpty();
    assertThat(check(rule, 0)).hasSize(1);
    assertThat(check(rule, 101)).hasSize(1);
    assertThat(check(rule, -1)).hasSize(1);
  }

  @Test
  void rangeIncludesBothEnds() {
    Rule<Long> rule = (f, v, e) -> Rules.range(f, v, 5, 3600, e);
    assertThat(check(rule, 5L)).isEmpty();
    assertThat(check(rule, 3600L)).isEmpty();
    assertThat(check(rule, 4L))
        .singleElement()
        .extracting(FieldError::message)
        .isEqualTo("must be between 5 and 3600");
    assertThat(check(rule, 3601L)).hasSize(1);
  }

  @Test
  void progressRunsFromZeroToOneHundredAndIsANumber() {
    Rule<Double> rule = Rules::progress;
    assertThat(check(rule, 0.0)).isEmpty();
    assertThat(check(rule, 100.0)).isEmpty();
    assertThat(check(rule, 55.5)).isEmpty();
    assertThat(check(rule, -0.1)).hasSize(1);
    assertThat(check(rule, 100.1)).hasSize(1);
    assertThat(check(rule, Double.NaN)).hasSize(1);
    assertThat(check(rule, Double.POSITIVE_INFINITY)).hasSize(1);
  }

  // ---- artifact names --------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"report.xml", "a", "A-Z_0.9", ".hidden", "..."})
  void artifactNamesOfSafeCharactersAreValid(String name) {
    assertValid(Rules::artifactName, name);
  }

  @Test
  void artifactNameOf200CharactersIsValidAnd201IsNot() {
    assertValid(Rules::artifactName, "a".repeat(200));
    assertInvalid(Rules::artifactName, "a".repeat(201));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {".", "..", "a/b", "../etc", "a b", "a\\b", "ü.txt", "a\u0000"})
  void artifactNamesThatCouldEscapeOrConfuseAreInvalid(String name) {
    assertInvalid(Rules::artifactName, name);
  }

  // ---- event types -----------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"log", "progress", "custom", "my.event-type_2", "a"})
  void clientEventTypesAreValid(String type) {
    assertValid(Rules::eventType, type);
  }

  @Test
  void statusIsReservedForTheServer() {
    assertThat(check(Rules::eventType, "status"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("f");
              assertThat(e.message()).contains("server");
            });
  }

  @Test
  void eventTypeOf100CharactersIsValidAnd101IsNot() {
    assertValid(Rules::eventType, "e".repeat(100));
    assertInvalid(Rules::eventType, "e".repeat(101));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"Log", "1log", "_log", ".x", "a b", "log!", "Status"})
  void otherEventTypesAreInvalid(String type) {
    assertInvalid(Rules::eventType, type);
  }

  // ---- webhook URLs ----------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://example.com",
        "https://example.com/hooks/docket?x=1",
        "HTTPS://EXAMPLE.COM/",
        "https://hooks.example.com:8443/a"
      })
  void httpAndHttpsUrlsWithAHostAreValid(String url) {
    assertValid(Rules::webhookUrl, url);
  }

  @Test
  void noWebhookUrlIsValid() {
    assertValid(Rules::webhookUrl, null);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://example.com/",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "mailto:a@example.com",
        "http://",
        "http:///path",
        "//example.com/x",
        "/relative",
        "example.com",
        "http://exa mple.com/",
        ""
      })
  void otherWebhookUrlsAreInvalid(String url) {
    assertInvalid(Rules::webhookUrl, url);
  }

  // ---- idempotency key, name, email ------------------------------------------------------

  @Test
  void idempotencyKeyIsOptionalButOneTo255Characters() {
    assertValid(Rules::idempotencyKey, null);
    assertValid(Rules::idempotencyKey, "k");
    assertValid(Rules::idempotencyKey, "k".repeat(255));
    assertInvalid(Rules::idempotencyKey, "");
    assertInvalid(Rules::idempotencyKey, "k".repeat(256));
  }

  @Test
  void nameIsRequiredAndAtMost200Characters() {
    assertValid(Rules::name, "ci bot");
    assertValid(Rules::name, "n".repeat(200));
    assertInvalid(Rules::name, null);
    assertInvalid(Rules::name, " ");
    assertInvalid(Rules::name, "n".repeat(201));
  }

  @Test
  void emailNeedsOneAtBetweenNonBlankParts() {
    assertValid(Rules::email, "ops@example.com");
    assertValid(Rules::email, "a@b");
    assertInvalid(Rules::email, null);
    assertInvalid(Rules::email, "example.com");
    assertInvalid(Rules::email, "a@b@c");
    assertInvalid(Rules::email, "a b@c");
    assertInvalid(Rules::email, "@c");
    assertInvalid(Rules::email, "a".repeat(320) + "@c");
  }

  // ---- collecting ------------------------------------------------------------------------

  @Test
  void throwIfAnyThrowsEveryErrorAtOnce() {
    List<FieldError> errors =
        List.of(new FieldError("jobs[0].kind", "is required"), new FieldError("queue", "bad"));

    assertThatThrownBy(() -> Rules.throwIfAny(errors))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.errors()).containsExactlyElementsOf(errors);
              assertThat(e.getMessage()).isEqualTo("jobs[0].kind: is required (and 1 more)");
            });
  }

  @Test
  void throwIfAnyIsSilentWithoutErrors() {
    assertThatCode(() -> Rules.throwIfAny(List.of())).doesNotThrowAnyException();
  }

  @Test
  void fieldErrorsCanBePrefixedWithAPath() {
    assertThat(new FieldError("kind", "is required").prefixed("jobs[1]"))
        .isEqualTo(new FieldError("jobs[1].kind", "is required"));
  }

  @Test
  void statusAndRoleNamesParseFromTheWireOrNameTheField() {
    assertThat(JobStatus.fromWire("status", "cancelled")).isEqualTo(JobStatus.CANCELLED);
    assertThat(Role.fromWire("roles[0]", "worker")).isEqualTo(Role.WORKER);
    assertThatThrownBy(() -> JobStatus.fromWire("status", "done"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("status"));
    assertThatThrownBy(() -> Role.fromWire("roles[2]", "ADMIN"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("roles[2]"));
  }
}

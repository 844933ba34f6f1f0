package dev.docket.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void quoteWrapsPlainTextInQuotes() {
    assertThat(Json.quote("hello")).isEqualTo("\"hello\"");
    assertThat(Json.quote("")).isEqualTo("\"\"");
  }

  @Test
  void quoteOfNullIsTheJsonNull() {
    assertThat(Json.quote(null)).isEqualTo("null");
  }

  @Test
  void quoteEscapesQuotesAndBackslashes() {
    assertThat(Json.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
  }

  @Test
  void quoteEscapesCommonControlCharactersShortly() {
    assertThat(Json.quote("a\nb\rc\td")).isEqualTo("\"a\\nb\\rc\\td\"");
  }

  @Test
  void quoteEscapesEveryOtherControlCharacterAsUnicode() {
    assertThat(Json.quote("\u0000")).isEqualTo("\"\\u0000\"");
    assertThat(Json.quote("\u0001\u0008\u000c\u001f"))
        .isEqualTo("\"\\u0001\\u0008\\u000c\\u001f\"");
    for (char c = 0; c < 0x20; c++) {
      String quoted = Json.quote(String.valueOf(c));
      assertThat(quoted.chars().skip(1).limit(quoted.length() - 2L)).allMatch(ch -> ch >= 0x20);
    }
  }

  @Test
  void quoteKeepsUnicodeAsIs() {
    assertThat(Json.quote("héllo wörld ✓ 😀 \u007f")).isEqualTo("\"héllo wörld ✓ 😀 \u007f\"");
  }

  @Test
  void quoteLeavesSlashAlone() {
    assertThat(Json.quote("a/b")).isEqualTo("\"a/b\"");
  }

  @Test
  void wholeNumbersPrintWithoutAFraction() {
    assertThat(Json.number(0)).isEqualTo("0");
    assertThat(Json.number(42.0)).isEqualTo("42");
    assertThat(Json.number(100.0)).isEqualTo("100");
    assertThat(Json.number(-3.0)).isEqualTo("-3");
  }

  @Test
  void fractionsPrintAsDecimals() {
    assertThat(Json.number(42.5)).isEqualTo("42.5");
    assertThat(Json.number(0.1)).isEqualTo("0.1");
  }

  @Test
  void nonFiniteNumbersBecomeNull() {
    assertThat(Json.number(Double.NaN)).isEqualTo("null");
    assertThat(Json.number(Double.POSITIVE_INFINITY)).isEqualTo("null");
    assertThat(Json.number(Double.NEGATIVE_INFINITY)).isEqualTo("null");
  }

  @Test
  void hugeNumbersStayValidJsonNumbers() {
    assertThat(Json.number(1e20)).matches("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
  }
}

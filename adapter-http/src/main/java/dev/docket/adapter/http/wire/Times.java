package dev.docket.adapter.http.wire;

import dev.docket.domain.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsing of the contract's times (RFC 3339) and durations ({@code 90}, {@code 90s}, {@code 15m},
 * {@code 12h}, {@code 30d}).
 */
public final class Times {
  private static final Pattern DURATION = Pattern.compile("(\\d{1,12})([smhd]?)");

  private Times() {}

  /** An RFC 3339 time with an offset (e.g. {@code Z}), or null when {@code text} is not one. */
  static Instant parseOrNull(String text) {
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * @throws ValidationException naming {@code field} when {@code text} is not an RFC 3339 time
   */
  public static Instant parse(String field, String text) {
    Instant t = parseOrNull(text);
    if (t == null) {
      throw ValidationException.of(
          field, "must be an RFC 3339 time such as 2026-11-23T09:15:02.123Z");
    }
    return t;
  }

  /**
   * Seconds as an integer or a string with a unit: {@code 90}, {@code "90"}, {@code "90s"}, {@code
   * "15m"}, {@code "12h"}, {@code "30d"}.
   *
   * @throws ValidationException naming {@code field} otherwise
   */
  public static Duration duration(String field, String text) {
    Matcher m = text == null ? null : DURATION.matcher(text.strip());
    if (m == null || !m.matches()) {
      throw ValidationException.of(
          field, "must be seconds or a duration such as 90s, 15m, 12h, 30d");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      default -> Duration.ofSeconds(n);
    };
  }
}

package dev.docket.app.output;

import dev.docket.domain.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line's times and durations: durations as in the HTTP API ({@code 90}, {@code 90s},
 * {@code 15m}, {@code 12h}, {@code 30d}); times as RFC 3339 ({@code 2026-11-23T09:15:02Z}) or a
 * duration meaning "that long ago" (or "from now" for expiries). Bad values are usage errors that
 * name the option.
 */
public final class CliTimes {
  private static final Pattern DURATION = Pattern.compile("(\\d{1,12})([smhd]?)");

  private CliTimes() {}

  public static Duration duration(String option, String text) {
    Matcher m = text == null ? null : DURATION.matcher(text.strip());
    if (m == null || !m.matches()) {
      throw ValidationException.of(
          option, "must be seconds or a duration such as 90s, 15m, 12h, 30d, not '" + text + "'");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      default -> Duration.ofSeconds(n);
    };
  }

  /** An RFC 3339 time, or a duration before {@code now} ({@code --since 24h}). */
  public static Instant past(String option, String text, Instant now) {
    Instant t = parseTime(text);
    return t != null ? t : now.minus(durationOrUsage(option, text));
  }

  /** An RFC 3339 time, or a duration after {@code now} ({@code --expires 90d}). */
  public static Instant future(String option, String text, Instant now) {
    Instant t = parseTime(text);
    return t != null ? t : now.plus(durationOrUsage(option, text));
  }

  private static Duration durationOrUsage(String option, String text) {
    try {
      return duration(option, text);
    } catch (ValidationException e) {
      throw ValidationException.of(
          option,
          "must be an RFC 3339 time such as 2026-11-23T09:15:02Z or a duration such as 12h or 30d,"
              + " not '"
              + text
              + "'");
    }
  }

  private static Instant parseTime(String text) {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** For tables: the instant, or {@code -}. */
  public static String show(Instant t) {
    return t == null ? "-" : t.toString();
  }

  /** For tables: {@code 42s}, {@code 5m 3s}, {@code 2h 5m}, {@code 3d 4h}. */
  public static String span(Duration d) {
    long s = Math.abs(d.toSeconds());
    String sign = d.isNegative() ? "-" : "";
    if (s < 60) {
      return sign + s + "s";
    }
    if (s < 3600) {
      return sign + (s / 60) + "m " + (s % 60) + "s";
    }
    if (s < 86_400) {
      return sign + (s / 3600) + "h " + (s % 3600 / 60) + "m";
    }
    return sign + (s / 86_400) + "d " + (s % 86_400 / 3600) + "h";
  }
}

package dev.docket.adapter.http.wire;

import dev.docket.domain.ValidationException;
import dev.docket.ports.NotFoundException;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.UUID;

/**
 * Path and query parameters. A malformed id in a path names nothing that exists (404); a malformed
 * query parameter is a client error naming the parameter (400).
 */
public final class Params {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 1000;

  private Params() {}

  /** The id in path parameter {@code name}, as a 404 of {@code resource} when malformed. */
  public static UUID pathId(Context ctx, String name, String resource) {
    String text = path(ctx, name);
    UUID id = uuidOrNull(text);
    if (id == null) {
      throw new NotFoundException(resource, text);
    }
    return id;
  }

  /** The job id in path parameter {@code id}, as a 404 of a job when malformed. */
  public static UUID jobId(Context ctx) {
    return pathId(ctx, "id", "job");
  }

  /**
   * Path parameter {@code name}, decoded; a broken percent-escape ({@code %uFFFF}, {@code %ZZ}) is
   * a client error naming the parameter rather than a decoder failure.
   */
  public static String path(Context ctx, String name) {
    try {
      return ctx.pathParam(name);
    } catch (IllegalArgumentException e) {
      throw ValidationException.of(name, "is not valid percent-encoding");
    }
  }

  public static String string(Context ctx, String name) {
    String v = query(ctx, name);
    return v == null || v.isEmpty() ? null : v;
  }

  /** {@code ?limit=}: default 50, 1 to 1000. */
  public static int limit(Context ctx) {
    return integer(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
  }

  public static int integer(Context ctx, String name, int dflt, int min, int max) {
    long v = longValue(ctx, name, dflt);
    if (v < min || v > max) {
      throw ValidationException.of(name, "must be between " + min + " and " + max);
    }
    return (int) v;
  }

  public static long longValue(Context ctx, String name, long dflt) {
    String v = string(ctx, name);
    if (v == null) {
      return dflt;
    }
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      throw ValidationException.of(name, "must be an integer");
    }
  }

  public static Instant instant(Context ctx, String name) {
    String v = string(ctx, name);
    return v == null ? null : Times.parse(name, v);
  }

  public static UUID uuid(Context ctx, String name) {
    String v = string(ctx, name);
    if (v == null) {
      return null;
    }
    UUID id = uuidOrNull(v);
    if (id == null) {
      throw ValidationException.of(name, "not a valid id");
    }
    return id;
  }

  /** {@code ?cursor=}: the last id of the previous page. */
  public static UUID cursor(Context ctx) {
    return uuid(ctx, "cursor");
  }

  private static String query(Context ctx, String name) {
    try {
      return ctx.queryParam(name);
    } catch (IllegalArgumentException e) {
      throw ValidationException.of(name, "is not valid percent-encoding");
    }
  }

  static UUID uuidOrNull(String text) {
    if (text == null || text.length() != 36) {
      return null;
    }
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}

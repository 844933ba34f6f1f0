package dev.docket.app.output;

import dev.docket.domain.Json;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;

/**
 * The JSON the data commands print: maps (insertion order kept), lists, strings, numbers, booleans
 * and null, plus embedded JSON documents ({@link RawJson}), instants as RFC 3339 strings and bytes
 * as base64.
 */
public final class CliJson {
  private CliJson() {}

  public static String write(Object value) {
    StringBuilder b = new StringBuilder();
    append(b, value);
    return b.toString();
  }

  private static void append(StringBuilder b, Object value) {
    switch (value) {
      case null -> b.append("null");
      case RawJson raw -> b.append(raw.text());
      case String s -> b.append(Json.quote(s));
      case Boolean bool -> b.append(bool);
      case Double d -> b.append(Json.number(d));
      case Float f -> b.append(Json.number(f));
      case Number n -> b.append(n);
      case Instant t -> b.append(Json.quote(t.toString()));
      case byte[] bytes -> b.append(Json.quote(Base64.getEncoder().encodeToString(bytes)));
      case Map<?, ?> map -> appendMap(b, map);
      case Collection<?> list -> appendList(b, list);
      default -> b.append(Json.quote(value.toString()));
    }
  }

  private static void appendMap(StringBuilder b, Map<?, ?> map) {
    b.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!first) {
        b.append(',');
      }
      first = false;
      b.append(Json.quote(String.valueOf(e.getKey()))).append(':');
      append(b, e.getValue());
    }
    b.append('}');
  }

  private static void appendList(StringBuilder b, Collection<?> list) {
    b.append('[');
    boolean first = true;
    for (Object o : list) {
      if (!first) {
        b.append(',');
      }
      first = false;
      append(b, o);
    }
    b.append(']');
  }
}

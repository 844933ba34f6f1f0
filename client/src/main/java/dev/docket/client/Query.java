package dev.docket.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** A query string built from optional parameters: null values are left out. */
final class Query {
  private final StringJoiner parts = new StringJoiner("&", "?", "").setEmptyValue("");

  Query add(String name, Object value) {
    if (value != null) {
      parts.add(name + "=" + encode(String.valueOf(value)));
    }
    return this;
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public String toString() {
    return parts.toString();
  }
}

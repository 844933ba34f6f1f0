package dev.docket.app.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docket.domain.Role;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.UUID;

/**
 * Typed access to the fields of one decoded line. Every field must be present (null where the
 * column may be null), so that a line from another tool or an older format fails loudly rather than
 * import a row with silent defaults.
 */
final class LineFields {
  private final ObjectNode node;

  LineFields(ObjectNode node) {
    this.node = node;
  }

  private JsonNode field(String name, boolean nullable) {
    JsonNode v = node.get(name);
    if (v == null) {
      throw new IllegalArgumentException("field '" + name + "' is missing");
    }
    if (v.isNull()) {
      if (!nullable) {
        throw new IllegalArgumentException("field '" + name + "' must not be null");
      }
      return null;
    }
    return v;
  }

  String text(String name) {
    return text(name, false);
  }

  String textOrNull(String name) {
    return text(name, true);
  }

  private String text(String name, boolean nullable) {
    JsonNode v = field(name, nullable);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException("field '" + name + "' must be a string");
    }
    return v.textValue();
  }

  long number(String name) {
    JsonNode v = field(name, false);
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new IllegalArgumentException("field '" + name + "' must be a whole number");
    }
    return v.longValue();
  }

  int integer(String name) {
    long n = number(name);
    if (n != (int) n) {
      throw new IllegalArgumentException("field '" + name + "' is out of range");
    }
    return (int) n;
  }

  Integer integerOrNull(String name) {
    return field(name, true) == null ? null : integer(name);
  }

  double decimal(String name) {
    JsonNode v = field(name, false);
    if (!v.isNumber()) {
      throw new IllegalArgumentException("field '" + name + "' must be a number");
    }
    return v.doubleValue();
  }

  boolean bool(String name) {
    JsonNode v = field(name, false);
    if (!v.isBoolean()) {
      throw new IllegalArgumentException("field '" + name + "' must be true or false");
    }
    return v.booleanValue();
  }

  UUID uuid(String name) {
    return UUID.fromString(text(name));
  }

  UUID uuidOrNull(String name) {
    String t = textOrNull(name);
    return t == null ? null : UUID.fromString(t);
  }

  Instant instant(String name) {
    return Instant.parse(text(name));
  }

  Instant instantOrNull(String name) {
    String t = textOrNull(name);
    return t == null ? null : Instant.parse(t);
  }

  byte[] base64(String name) {
    return Base64.getDecoder().decode(text(name));
  }

  EnumSet<Role> roles(String name) {
    JsonNode v = field(name, false);
    if (!v.isArray()) {
      throw new IllegalArgumentException("field '" + name + "' must be an array");
    }
    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
    for (JsonNode r : v) {
      if (!r.isTextual()) {
        throw new IllegalArgumentException("field '" + name + "' must hold strings");
      }
      roles.add(Role.fromWire(name, r.textValue()));
    }
    return roles;
  }

  ObjectNode object(String name) {
    JsonNode v = field(name, false);
    if (!(v instanceof ObjectNode o)) {
      throw new IllegalArgumentException("field '" + name + "' must be an object");
    }
    return o;
  }
}

package dev.docket.adapter.http.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docket.domain.ValidationException;
import java.util.Iterator;
import java.util.Map;

/**
 * Text that a store can keep the same way on SQLite and PostgreSQL: no NUL (PostgreSQL cannot store
 * one in text or JSON) and valid Unicode (no lone surrogate, which would come back as something
 * else). Every string and field name of a JSON body is checked before it is bound, so the refusal
 * names the field, on every route and both stores alike.
 */
final class StorableText {
  private static final int MAX_DEPTH = 200;

  private StorableText() {}

  static void check(JsonNode tree) {
    walk(tree, "", 0);
  }

  /** Why {@code s} cannot be stored, or null when it can. */
  static String problem(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 0) {
        return "must not contain a NUL character";
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
          continue;
        }
        return "must be valid Unicode (a lone surrogate)";
      }
      if (Character.isLowSurrogate(c)) {
        return "must be valid Unicode (a lone surrogate)";
      }
    }
    return null;
  }

  private static void walk(JsonNode node, String path, int depth) {
    if (depth > MAX_DEPTH) {
      throw ValidationException.of(path.isEmpty() ? "body" : path, "is nested too deeply");
    }
    if (node.isTextual()) {
      fail(path, problem(node.textValue()));
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String field = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
        String bad = problem(e.getKey());
        if (bad != null) {
          fail(path.isEmpty() ? "body" : path, "has a field name that " + bad);
        }
        walk(e.getValue(), field, depth + 1);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path + "[" + i + "]", depth + 1);
      }
    }
  }

  private static void fail(String field, String problem) {
    if (problem != null) {
      throw ValidationException.of(field.replace("\u0000", "\\u0000"), problem);
    }
  }
}

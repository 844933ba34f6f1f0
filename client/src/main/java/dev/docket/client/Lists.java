package dev.docket.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.type.CollectionType;
import dev.docket.client.model.Page;
import java.util.ArrayList;
import java.util.List;

/** Reads the list answers: {@code {"<resource>": [...], "next_cursor": ...}}. */
final class Lists {
  private Lists() {}

  static <T> List<T> items(JsonNode body, String field, Class<T> type) {
    JsonNode array = body.get(field);
    if (array == null || array.isNull()) {
      return List.of();
    }
    CollectionType listType =
        Json.MAPPER.getTypeFactory().constructCollectionType(ArrayList.class, type);
    return List.copyOf(Json.MAPPER.<List<T>>convertValue(array, listType));
  }

  static <T> Page<T> page(JsonNode body, String field, Class<T> type) {
    JsonNode cursor = body.get("next_cursor");
    return new Page<>(
        items(body, field, type), cursor == null || cursor.isNull() ? null : cursor.asText());
  }
}

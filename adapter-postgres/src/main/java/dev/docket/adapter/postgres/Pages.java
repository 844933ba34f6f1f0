package dev.docket.adapter.postgres;

import dev.docket.ports.Page;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Builds a page from {@code limit + 1} fetched rows: the extra row only says more follow. */
final class Pages {
  private Pages() {}

  static <T> Page<T> of(List<T> rows, int limit, Function<T, UUID> id) {
    if (rows.size() <= limit) {
      return new Page<>(rows, null);
    }
    List<T> items = rows.subList(0, limit);
    return new Page<>(items, id.apply(items.get(limit - 1)).toString());
  }
}

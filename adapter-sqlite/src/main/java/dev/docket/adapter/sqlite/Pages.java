package dev.docket.adapter.sqlite;

import dev.docket.ports.Page;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Keyset pages: queries fetch one row more than the limit to learn whether more follow. */
final class Pages {
  private Pages() {}

  /**
   * The first {@code limit} of {@code rows}; the cursor is the last item's id when {@code rows}
   * held more than {@code limit}.
   */
  static <T> Page<T> of(List<T> rows, int limit, Function<T, UUID> id) {
    if (rows.size() <= limit) {
      return new Page<>(rows, null);
    }
    List<T> items = rows.subList(0, limit);
    return new Page<>(items, id.apply(items.getLast()).toString());
  }
}

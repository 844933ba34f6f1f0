package dev.docket.client.model;

import java.util.List;
import java.util.Optional;

/**
 * One page of a cursor-paged list, newest first.
 *
 * @param items the entries of this page
 * @param nextCursor the cursor of the next page, or null on the last page
 */
public record Page<T>(List<T> items, String nextCursor) {
  public Page {
    items = List.copyOf(items);
  }

  /** The cursor to pass for the next page; empty on the last page. */
  public Optional<String> next() {
    return Optional.ofNullable(nextCursor);
  }
}

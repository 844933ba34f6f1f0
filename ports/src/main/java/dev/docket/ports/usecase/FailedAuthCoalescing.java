package dev.docket.ports.usecase;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Decides which audit row a failed authentication counts into. Per remote address and minute, each
 * distinct (reason, key prefix) gets a row of its own up to {@link #DISTINCT_PER_ADDRESS}; further
 * ones share one row for the address, and beyond {@link #ADDRESSES_PER_MINUTE} addresses in a
 * minute they share one row for the minute. So a flood adds at most a bounded number of rows a
 * minute, whatever keys and addresses it uses, and its size is the sum of the counts.
 *
 * <p>The memory is the current minute only: at most {@code ADDRESSES_PER_MINUTE} addresses with
 * {@code DISTINCT_PER_ADDRESS} entries each.
 */
final class FailedAuthCoalescing {
  static final int DISTINCT_PER_ADDRESS = 8;
  static final int ADDRESSES_PER_MINUTE = 1000;

  private long minute = Long.MIN_VALUE;
  private final Map<String, Set<String>> seen = new HashMap<>();

  /** The coalescing key of one failure; the same inputs in the same minute give the same key. */
  synchronized String key(Instant at, String remoteAddr, String reason, String prefix) {
    long m = Math.floorDiv(at.toEpochMilli(), 60_000L);
    if (m != minute) {
      minute = m;
      seen.clear();
    }
    String base = "auth.failed|" + m + "|";
    String addr = remoteAddr == null ? "" : remoteAddr;
    Set<String> distinct = seen.get(addr);
    if (distinct == null) {
      if (seen.size() >= ADDRESSES_PER_MINUTE) {
        return base + "*";
      }
      distinct = new HashSet<>();
      seen.put(addr, distinct);
    }
    String what = reason + "|" + prefix;
    if (distinct.contains(what) || distinct.size() < DISTINCT_PER_ADDRESS) {
      distinct.add(what);
      return base + addr + "|" + what;
    }
    return base + addr + "|*";
  }
}

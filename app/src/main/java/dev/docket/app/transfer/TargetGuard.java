package dev.docket.app.transfer;

import dev.docket.ports.Store;
import dev.docket.ports.transfer.TransferTable;
import java.util.Map;

/** The rule shared by import and copy: a target must be empty unless the user merges. */
final class TargetGuard {
  private TargetGuard() {}

  /**
   * The target's rows before the transfer.
   *
   * @throws TransferFailedException when it holds rows and {@code merge} is off
   */
  static Map<TransferTable, Long> check(Store target, String location, boolean merge) {
    Map<TransferTable, Long> before = target.transfer().counts();
    if (!merge && !target.transfer().isEmpty()) {
      long rows = before.values().stream().mapToLong(Long::longValue).sum();
      throw new TransferFailedException(
          "the store at "
              + location
              + " is not empty ("
              + rows
              + " rows); use an empty store, or --merge to add to it");
    }
    return before;
  }
}

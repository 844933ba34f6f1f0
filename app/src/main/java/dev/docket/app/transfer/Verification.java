package dev.docket.app.transfer;

import dev.docket.ports.transfer.TransferTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every table checked after an import or copy. */
record Verification(List<TableCheck> checks, boolean merged) {
  Verification {
    checks = List.copyOf(checks);
  }

  /** The target must hold exactly the source's rows: same counts, same digests. */
  static Verification exact(
      Map<TransferTable, TableSummary> source, Map<TransferTable, TableSummary> target) {
    List<TableCheck> checks = new ArrayList<>();
    for (TransferTable t : TransferTable.values()) {
      TableSummary s = source.get(t);
      TableSummary d = target.get(t);
      checks.add(new TableCheck(t, s.rows(), d.rows(), s.sha256(), d.sha256()));
    }
    return new Verification(checks, false);
  }

  /**
   * After a merge the target holds what it held plus what was written; the rows it kept instead of
   * the source's (skipped) make digests incomparable, so only counts are checked.
   */
  static Verification merged(
      Map<TransferTable, Long> before,
      Map<TransferTable, Long> written,
      Map<TransferTable, Long> after) {
    List<TableCheck> checks = new ArrayList<>();
    for (TransferTable t : TransferTable.values()) {
      checks.add(new TableCheck(t, before.get(t) + written.get(t), after.get(t), null, null));
    }
    return new Verification(checks, true);
  }

  boolean ok() {
    return checks.stream().allMatch(TableCheck::ok);
  }

  /** The problems, for the one-line error. */
  String problems() {
    return String.join(
        "; ", checks.stream().filter(c -> !c.ok()).map(TableCheck::problem).toList());
  }
}

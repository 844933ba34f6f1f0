package dev.docket.app.transfer;

import dev.docket.ports.transfer.TransferTable;
import java.util.Map;

/**
 * The last line of an export: what the file holds per table. An import compares it with what it
 * read, so a truncated or altered file is noticed.
 */
public record EndRecord(Map<TransferTable, TableSummary> tables) {
  public EndRecord {
    tables = Map.copyOf(tables);
  }
}

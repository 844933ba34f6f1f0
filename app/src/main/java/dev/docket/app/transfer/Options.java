package dev.docket.app.transfer;

import dev.docket.domain.ValidationException;
import dev.docket.ports.transfer.OnConflict;
import dev.docket.ports.transfer.WriteOptions;

/** Settings and endings shared by import and copy. */
final class Options {
  private Options() {}

  static WriteOptions write(int batchSize, boolean merge) {
    if (batchSize < 1) {
      throw ValidationException.of("--batch-size", "must be at least 1");
    }
    return WriteOptions.defaults()
        .withBatchSize(batchSize)
        .withOnConflict(merge ? OnConflict.SKIP : OnConflict.FAIL);
  }

  /**
   * Prints the report; a failed verification is an error after it.
   *
   * @return the exit code, 0
   * @throws TransferFailedException when the verification failed
   */
  static int finish(TransferContext ctx, TransferReport report) {
    report.print(ctx.out(), ctx.json().getAsBoolean());
    Verification v = report.verification();
    if (!v.ok()) {
      throw new TransferFailedException("verification failed: " + v.problems());
    }
    return 0;
  }
}

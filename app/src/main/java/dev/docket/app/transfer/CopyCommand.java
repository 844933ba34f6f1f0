package dev.docket.app.transfer;

import dev.docket.domain.ValidationException;
import dev.docket.ports.Store;
import dev.docket.ports.transfer.RecordWriter;
import dev.docket.ports.transfer.TransferTable;
import dev.docket.ports.transfer.WriteOptions;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code docket copy --from URL --to URL}: one store into another, record by record without a file
 * in between (the way from SQLite to Postgres when a team outgrows one machine), then the target
 * re-read and compared with what was read from the source, table by table.
 */
@Command(
    name = "copy",
    mixinStandardHelpOptions = true,
    description =
        "Copies a whole store to another backend, one transaction per batch, and verifies row"
            + " counts and checksums; refuses a non-empty target unless --merge.")
final class CopyCommand implements Callable<Integer> {
  private final TransferContext ctx;

  @Option(names = "--from", required = true, paramLabel = "URL", description = "The source.")
  String from;

  @Option(names = "--to", required = true, paramLabel = "URL", description = "The target.")
  String to;

  @Option(
      names = "--merge",
      description = "Add to a target that holds rows; rows that exist stay as they are.")
  boolean merge;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Records per transaction (default ${DEFAULT-VALUE}).")
  int batchSize;

  CopyCommand(TransferContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    WriteOptions options = Options.write(batchSize, merge);
    String source = ctx.stores().location(from);
    String target = ctx.stores().location(to);
    if (source.equals(target)) {
      throw ValidationException.of("--to", "is the same store as --from");
    }
    long start = System.nanoTime();
    try (Store in = ctx.stores().open(from);
        Store out = ctx.stores().open(to)) {
      Map<TransferTable, Long> before = TargetGuard.check(out, target, merge);
      TableDigests copied;
      Map<TransferTable, Long> written;
      Map<TransferTable, Long> skipped;
      // not closed on failure: closing writes the last batch, which a failed copy must not
      RecordWriter writer = out.transfer().writer(options);
      try (TransferProgress progress =
          TransferProgress.start(ctx, "copied", in.transfer().counts())) {
        copied = TransferEngine.copy(in, writer, progress);
        written = writer.written();
        skipped = writer.skipped();
      }
      Verification verification =
          merge
              ? Verification.merged(before, written, out.transfer().counts())
              : Verification.exact(copied.finish(), TransferEngine.digest(out).finish());
      TransferReport report =
          new TransferReport(
              "copy",
              source,
              target,
              copied.records(),
              copied.bytes(),
              (System.nanoTime() - start) / 1e9,
              null,
              verification,
              skipped);
      return Options.finish(ctx, report);
    }
  }
}

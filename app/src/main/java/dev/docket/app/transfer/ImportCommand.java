package dev.docket.app.transfer;

import dev.docket.ports.Store;
import dev.docket.ports.transfer.RecordWriter;
import dev.docket.ports.transfer.TransferTable;
import dev.docket.ports.transfer.WriteOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code docket import FILE [--merge]}: an export into the store {@code --db} names, one
 * transaction per batch, then checked: the file against its own end record (a truncated or altered
 * file is noticed), and the store re-read against the file, table by table.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description =
        "Reads an export (FILE, or - for standard input) into an empty store, one transaction per"
            + " batch, and verifies row counts and checksums; refuses a non-empty store unless"
            + " --merge.")
final class ImportCommand implements Callable<Integer> {
  private final TransferContext ctx;

  @Parameters(index = "0", paramLabel = "FILE", description = "An export, or - for stdin.")
  String file;

  @Option(
      names = "--merge",
      description = "Add to a store that holds rows; rows that exist stay as they are.")
  boolean merge;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Records per transaction (default ${DEFAULT-VALUE}).")
  int batchSize;

  ImportCommand(TransferContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws IOException {
    WriteOptions options = Options.write(batchSize, merge);
    String db = ctx.db().get();
    String location = ctx.stores().location(db);
    long start = System.nanoTime();
    try (BufferedReader in = open();
        Store store = ctx.stores().open(db)) {
      Map<TransferTable, Long> before = TargetGuard.check(store, location, merge);
      TransferEngine.Imported imported;
      Map<TransferTable, Long> written;
      Map<TransferTable, Long> skipped;
      // not closed on failure: closing writes the last batch, which a failed import must not
      RecordWriter writer = store.transfer().writer(options);
      try (TransferProgress progress = TransferProgress.start(ctx, "imported", null)) {
        imported = TransferEngine.importFrom(in, writer, progress);
        written = writer.written();
        skipped = writer.skipped();
      }
      Map<TransferTable, TableSummary> read = imported.digests().finish();
      checkEndRecord(imported, read);
      Verification verification =
          merge
              ? Verification.merged(before, written, store.transfer().counts())
              : Verification.exact(read, TransferEngine.digest(store).finish());
      TransferReport report =
          new TransferReport(
              "import",
              file,
              location,
              imported.digests().records(),
              imported.digests().bytes(),
              (System.nanoTime() - start) / 1e9,
              null,
              verification,
              skipped);
      return Options.finish(ctx, report);
    }
  }

  private BufferedReader open() throws IOException {
    InputStream stream;
    if (file.equals("-")) {
      stream = System.in;
    } else {
      try {
        stream = Files.newInputStream(Path.of(file));
      } catch (NoSuchFileException e) {
        throw new TransferFailedException("no file " + file);
      }
    }
    return new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8), 1 << 16);
  }

  private void checkEndRecord(
      TransferEngine.Imported imported, Map<TransferTable, TableSummary> read) {
    String partial = " (the store now holds what came before; reset it before trying again)";
    if (imported.end() == null) {
      throw new TransferFailedException(
          file + " ends without its end record, so it is cut short" + partial);
    }
    Verification file = Verification.exact(imported.end().tables(), read);
    if (!file.ok()) {
      throw new TransferFailedException(
          this.file + " does not match its end record: " + file.problems() + partial);
    }
  }
}

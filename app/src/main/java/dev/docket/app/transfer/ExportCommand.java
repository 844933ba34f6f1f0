package dev.docket.app.transfer;

import dev.docket.ports.Store;
import dev.docket.ports.transfer.TransferTable;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code docket export [--out FILE]}: the whole store as NDJSON, streamed. A file is written next
 * to its final name and moved into place only when complete, so a failed export never leaves a file
 * that looks whole.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Every user, key (hashed), job, event, artifact (base64), audit entry, webhook delivery"
            + " and setting as NDJSON, one record per line, streamed. The file holds the webhook"
            + " signing secret: keep it as safe as the database.")
final class ExportCommand implements Callable<Integer> {
  private final TransferContext ctx;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write to FILE instead of standard output.")
  Path out;

  ExportCommand(TransferContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws IOException {
    String db = ctx.db().get();
    long start = System.nanoTime();
    try (Store store = ctx.stores().open(db)) {
      Map<TransferTable, Long> counts = store.transfer().counts();
      TableDigests digests = out == null ? toStdout(store, counts) : toFile(store, counts);
      TransferReport report =
          new TransferReport(
              "export",
              ctx.stores().location(db),
              out == null ? "standard output" : out.toString(),
              digests.records(),
              digests.bytes(),
              (System.nanoTime() - start) / 1e9,
              digests.finish(),
              null,
              null);
      if (out == null) {
        ctx.err().println(report.sentence());
        ctx.err().flush();
      } else {
        report.print(ctx.out(), ctx.json().getAsBoolean());
      }
    }
    return 0;
  }

  private TableDigests toStdout(Store store, Map<TransferTable, Long> counts) {
    TableDigests digests = run(store, ctx.out(), counts);
    if (ctx.out().checkError()) {
      throw new TransferFailedException("cannot write the export to standard output");
    }
    return digests;
  }

  private TableDigests toFile(Store store, Map<TransferTable, Long> counts) throws IOException {
    Path target = out.toAbsolutePath();
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    boolean done = false;
    try (Writer w =
        new BufferedWriter(
            new OutputStreamWriter(Files.newOutputStream(partial), StandardCharsets.UTF_8),
            1 << 16)) {
      TableDigests digests = run(store, w, counts);
      w.close();
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
      done = true;
      return digests;
    } catch (IOException | UncheckedIOException e) {
      throw new TransferFailedException("cannot write " + out + " (" + cause(e) + ")", e);
    } finally {
      if (!done) {
        Files.deleteIfExists(partial);
      }
    }
  }

  private TableDigests run(Store store, Writer w, Map<TransferTable, Long> counts) {
    try (TransferProgress progress = TransferProgress.start(ctx, "exported", counts)) {
      return TransferEngine.export(store, w, progress);
    }
  }

  private static String cause(Exception e) {
    Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}

package dev.docket.app.transfer;

import dev.docket.app.transfer.NdjsonCodec.Line;
import dev.docket.ports.Store;
import dev.docket.ports.transfer.RecordWriter;
import dev.docket.ports.transfer.TransferRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The three pipelines, each one record at a time (an artifact chunk at most in memory, besides the
 * writer's bounded batch): store to NDJSON, NDJSON to store, store to store. Each returns the
 * digests of what went through, to compare with the other side.
 */
final class TransferEngine {
  private TransferEngine() {}

  /** Writes the header, every record of {@code source} and the end record to {@code out}. */
  static TableDigests export(Store source, Writer out, TransferProgress progress) {
    TableDigests digests = new TableDigests();
    try {
      line(out, NdjsonCodec.HEADER);
      source
          .transfer()
          .read(
              r -> {
                String line = NdjsonCodec.encode(r);
                digests.add(r, line);
                line(out, line);
                progress.advance(r);
              });
      line(out, NdjsonCodec.encodeEnd(new EndRecord(digests.finish())));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return digests;
  }

  private static void line(Writer out, String line) {
    try {
      out.write(line);
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What an import read: the digests of its records and the file's own end record. */
  record Imported(TableDigests digests, EndRecord end) {}

  /**
   * Reads an export line by line into {@code writer} (closing it), checking the header first and
   * that the end record comes last.
   *
   * @throws TransferFailedException naming the line that is wrong
   */
  static Imported importFrom(BufferedReader in, RecordWriter writer, TransferProgress progress)
      throws IOException {
    TableDigests digests = new TableDigests();
    String first = in.readLine();
    if (first == null) {
      throw new TransferFailedException("the file is empty, not a Docket export");
    }
    if (!(NdjsonCodec.decode(first, 1) instanceof Line.Header h)) {
      throw new TransferFailedException("line 1 is not the header of a Docket export");
    }
    if (h.version() > NdjsonCodec.VERSION) {
      throw new TransferFailedException(
          "the file is export format "
              + h.version()
              + ", newer than this build reads ("
              + NdjsonCodec.VERSION
              + "); import it with a newer docket");
    }
    EndRecord end = null;
    long lineNo = 1;
    String text;
    while ((text = in.readLine()) != null) {
      lineNo++;
      if (end != null) {
        throw new TransferFailedException("line " + lineNo + " follows the end record");
      }
      switch (NdjsonCodec.decode(text, lineNo)) {
        case Line.Data d -> {
          TransferRecord r = d.record();
          digests.add(r);
          writer.write(r);
          progress.advance(r);
        }
        case Line.End e -> end = e.end();
        case Line.Header x ->
            throw new TransferFailedException("line " + lineNo + " is a second header");
      }
    }
    writer.close();
    return new Imported(digests, end);
  }

  /** Streams every record of {@code source} into {@code writer} (closing it). */
  static TableDigests copy(Store source, RecordWriter writer, TransferProgress progress) {
    TableDigests digests = new TableDigests();
    source
        .transfer()
        .read(
            r -> {
              digests.add(r);
              writer.write(r);
              progress.advance(r);
            });
    writer.close();
    return digests;
  }

  /** Reads {@code store} once more, only to digest it. */
  static TableDigests digest(Store store) {
    TableDigests digests = new TableDigests();
    store.transfer().read(digests::add);
    return digests;
  }
}

package dev.docket.app.transfer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docket.ports.transfer.TransferRecord;
import dev.docket.ports.transfer.TransferTable;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The export format: NDJSON, one JSON object per line, each with a {@code type}. The first line is
 * {@link #HEADER}, the last an {@code end} record with rows and SHA-256 per table; in between one
 * line per row, in the order a store reads them. Every column is written, nulls included, in a
 * fixed field order, so one store always gives the same bytes. Instants are RFC 3339 UTC strings,
 * JSON documents (payloads, results, event data, audit details, webhook bodies) are strings holding
 * their exact text (so spacing and key order survive), chunk bytes are base64.
 */
final class NdjsonCodec {
  static final String FORMAT = "docket-export";
  static final int VERSION = 1;
  static final String HEADER = "{\"type\":\"" + FORMAT + "\",\"version\":" + VERSION + "}";

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private NdjsonCodec() {}

  /** One decoded line: a record, the header, or the end record. */
  sealed interface Line {
    /** A row. */
    record Data(TransferRecord record) implements Line {}

    /** The first line. */
    record Header(int version) implements Line {}

    /** The last line. */
    record End(EndRecord end) implements Line {}
  }

  /** Writes the fields of one object. */
  @FunctionalInterface
  interface Fields {
    void write(JsonGenerator g) throws IOException;
  }

  /** The canonical line of {@code record}, without a newline. */
  static String encode(TransferRecord record) {
    return object(g -> RecordFields.write(g, record));
  }

  static String encodeEnd(EndRecord end) {
    return object(
        g -> {
          g.writeStringField("type", "end");
          g.writeObjectFieldStart("tables");
          for (TransferTable t : TransferTable.values()) {
            TableSummary s = end.tables().get(t);
            g.writeObjectFieldStart(t.tableName());
            g.writeNumberField("rows", s.rows());
            g.writeStringField("sha256", s.sha256());
            g.writeEndObject();
          }
          g.writeEndObject();
        });
  }

  private static String object(Fields fields) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      fields.write(g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode a record", e);
    }
    return out.toString();
  }

  /**
   * Decodes one line.
   *
   * @throws TransferFailedException naming the line when it is not a valid line of the format
   */
  static Line decode(String text, long lineNo) {
    try {
      JsonNode node = MAPPER.readTree(text);
      if (!(node instanceof ObjectNode o)) {
        throw new IllegalArgumentException("not a JSON object");
      }
      LineFields f = new LineFields(o);
      String type = f.text("type");
      return switch (type) {
        case FORMAT -> new Line.Header(f.integer("version"));
        case "end" -> new Line.End(end(f.object("tables")));
        default -> new Line.Data(RecordFields.read(TransferTable.ofType(type), f));
      };
    } catch (JsonProcessingException e) {
      throw new TransferFailedException(
          "line " + lineNo + " is not JSON (" + e.getOriginalMessage() + ")", e);
    } catch (RuntimeException e) {
      throw new TransferFailedException("line " + lineNo + ": " + e.getMessage(), e);
    }
  }

  private static EndRecord end(ObjectNode tables) {
    Map<TransferTable, TableSummary> out = new EnumMap<>(TransferTable.class);
    for (TransferTable t : TransferTable.values()) {
      JsonNode s = tables.get(t.tableName());
      if (!(s instanceof ObjectNode o)) {
        throw new IllegalArgumentException("the end record lacks table " + t.tableName());
      }
      LineFields f = new LineFields(o);
      out.put(t, new TableSummary(f.number("rows"), f.text("sha256")));
    }
    return new EndRecord(out);
  }
}

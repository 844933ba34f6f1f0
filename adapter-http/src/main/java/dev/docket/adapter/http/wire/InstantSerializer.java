package dev.docket.adapter.http.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Writes instants as RFC 3339 UTC with exactly three fraction digits, {@code .000Z} included. */
final class InstantSerializer extends StdSerializer<Instant> {
  static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  InstantSerializer() {
    super(Instant.class);
  }

  static String format(Instant t) {
    return FORMAT.format(t);
  }

  @Override
  public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    gen.writeString(format(value));
  }
}

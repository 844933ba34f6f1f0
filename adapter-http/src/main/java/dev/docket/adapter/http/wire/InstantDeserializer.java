package dev.docket.adapter.http.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.time.Instant;

/** Reads RFC 3339 times (any offset); anything else fails naming the field. */
final class InstantDeserializer extends StdDeserializer<Instant> {
  InstantDeserializer() {
    super(Instant.class);
  }

  @Override
  public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
    }
    String text = p.getText();
    Instant parsed = Times.parseOrNull(text);
    if (parsed == null) {
      return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "not an RFC 3339 time");
    }
    return parsed;
  }
}

package dev.docket.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;

/** A response as a client sees it. */
record Reply(int status, HttpHeaders headers, String body) {
  private static final ObjectMapper JSON = new ObjectMapper();

  JsonNode json() {
    try {
      return JSON.readTree(body);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
    }
  }

  String header(String name) {
    return headers.firstValue(name).orElse(null);
  }

  String contentType() {
    return header("Content-Type");
  }

  @Override
  public String toString() {
    return status + " " + body;
  }
}

package dev.docket.adapter.http.problem;

/** The kinds of problem the API reports; {@link #uri()} is the RFC 9457 {@code type}. */
public enum ProblemType {
  VALIDATION(400, "Invalid request", "validation"),
  MALFORMED_JSON(400, "Malformed JSON", "malformed-json"),
  BAD_REQUEST(400, "Bad request", "bad-request"),
  UNAUTHORIZED(401, "Unauthorized", "unauthorized"),
  FORBIDDEN(403, "Forbidden", "forbidden"),
  NOT_FOUND(404, "Not found", "not-found"),
  METHOD_NOT_ALLOWED(405, "Method not allowed", "method-not-allowed"),
  NOT_ACCEPTABLE(406, "Not acceptable", "not-acceptable"),
  CONFLICT(409, "Conflict", "conflict"),
  ILLEGAL_TRANSITION(409, "Not allowed in the job's current status", "illegal-transition"),
  LEASE_LOST(409, "Lease lost", "lease-lost"),
  CANCELLED(409, "Job cancelled", "cancelled"),
  PAYLOAD_TOO_LARGE(413, "Payload too large", "payload-too-large"),
  URI_TOO_LONG(414, "URI too long", "uri-too-long"),
  UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type", "unsupported-media-type"),
  HEADERS_TOO_LARGE(431, "Request header fields too large", "headers-too-large"),
  INTERNAL(500, "Internal server error", "internal"),
  STORE_UNAVAILABLE(503, "Store unavailable", "store-unavailable"),
  HTTP(0, "HTTP error", "http");

  static final String BASE = "https://docket.dev/problems/";

  private final int status;
  private final String title;
  private final String slug;

  ProblemType(int status, String title, String slug) {
    this.status = status;
    this.title = title;
    this.slug = slug;
  }

  public int status() {
    return status;
  }

  String title() {
    return title;
  }

  String uri() {
    return BASE + slug;
  }
}

package dev.docket.adapter.http.ops;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code {"older_than": "30d"}}: seconds as an integer or a duration string. */
record PruneBody(JsonNode olderThan) {}

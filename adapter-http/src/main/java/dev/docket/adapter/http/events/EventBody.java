package dev.docket.adapter.http.events;

import com.fasterxml.jackson.databind.JsonNode;

/** One event to append: a type and any JSON data. */
record EventBody(String type, JsonNode data) {}

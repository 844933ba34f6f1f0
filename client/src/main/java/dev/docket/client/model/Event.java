package dev.docket.client.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One entry of a job's log: {@code seq} counts from 0 without gaps; {@code type} is {@code log}
 * (data a string), {@code progress} (a number), {@code status} (written by the server) or a custom
 * type.
 */
public record Event(long seq, String type, JsonNode data, Instant at) {}

package dev.docket.adapter.http.worker;

import com.fasterxml.jackson.databind.JsonNode;

/** Completion: the lease token and an optional result (any JSON). */
record CompleteBody(String leaseToken, JsonNode result) {}

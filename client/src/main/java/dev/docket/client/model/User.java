package dev.docket.client.model;

import java.time.Instant;
import java.util.List;

/**
 * A user; a key acts as its user, with its roles ({@code admin}, {@code submitter}, {@code
 * worker}).
 */
public record User(
    String id, String name, String email, List<String> roles, boolean active, Instant createdAt) {}

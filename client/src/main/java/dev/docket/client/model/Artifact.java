package dev.docket.client.model;

import java.time.Instant;

/** An artifact's metadata: its name, type, size in bytes and SHA-256 (hex). */
public record Artifact(
    String name, String contentType, long size, String sha256, Instant createdAt) {}

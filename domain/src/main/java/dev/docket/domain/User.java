package dev.docket.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** A person or system that holds API keys. Deactivated users keep their jobs for history. */
public record User(
    UUID id, String name, String email, Set<Role> roles, boolean active, Instant createdAt) {
  public User {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(createdAt, "createdAt");
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
  }

  public boolean has(Role role) {
    return roles.contains(Role.ADMIN) || roles.contains(role);
  }

  public boolean isAdmin() {
    return roles.contains(Role.ADMIN);
  }

  public User deactivated() {
    return new User(id, name, email, roles, false, createdAt);
  }
}

package dev.docket.adapter.http.users;

import dev.docket.domain.Role;
import dev.docket.domain.User;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A user on the wire; roles in a stable order (admin, submitter, worker). */
record UserView(
    UUID id, String name, String email, List<String> roles, boolean active, Instant createdAt) {
  static UserView of(User u) {
    List<String> roles = u.roles().stream().sorted().map(Role::wire).toList();
    return new UserView(u.id(), u.name(), u.email(), roles, u.active(), u.createdAt());
  }
}

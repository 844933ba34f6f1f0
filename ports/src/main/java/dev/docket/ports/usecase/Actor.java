package dev.docket.ports.usecase;

import dev.docket.domain.Role;
import dev.docket.domain.User;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Who calls a use case: a user (through one of its keys), or an operator's tool such as the command
 * line, which acts as an admin and is audited under its own name.
 *
 * @param id what the audit log records as the actor: a user id, or e.g. {@code cli}
 * @param userId the user, or null for a tool
 */
public record Actor(String id, UUID userId, Set<Role> roles, String remoteAddr) {
  public Actor {
    Objects.requireNonNull(id, "id");
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }

  public static Actor of(User user, String remoteAddr) {
    return new Actor(user.id().toString(), user.id(), user.roles(), remoteAddr);
  }

  /** The command line or an embedding application: admin powers, audited as {@code name}. */
  public static Actor system(String name) {
    return new Actor(name, null, Set.of(Role.ADMIN), null);
  }

  public boolean has(Role role) {
    return roles.contains(Role.ADMIN) || roles.contains(role);
  }

  public boolean isAdmin() {
    return roles.contains(Role.ADMIN);
  }

  public boolean is(UUID user) {
    return userId != null && userId.equals(user);
  }
}

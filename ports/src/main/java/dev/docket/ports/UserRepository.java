package dev.docket.ports;

import dev.docket.domain.User;
import java.util.Optional;
import java.util.UUID;

/** Users. */
public interface UserRepository {
  /**
   * @throws ConflictException when the email is taken
   */
  void insert(User user);

  Optional<User> find(UUID id);

  Optional<User> findByEmail(String email);

  /** Newest first; {@code afterId} is the last id of the previous page, or null. */
  Page<User> list(UUID afterId, int limit);

  /** Stores a changed user (name, roles, active). */
  void update(User user);

  long count();
}

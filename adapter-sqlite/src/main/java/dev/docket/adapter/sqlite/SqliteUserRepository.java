package dev.docket.adapter.sqlite;

import static dev.docket.adapter.sqlite.jooq.Tables.USERS;

import dev.docket.adapter.sqlite.jooq.tables.records.UsersRecord;
import dev.docket.domain.Role;
import dev.docket.domain.User;
import dev.docket.ports.ConflictException;
import dev.docket.ports.Page;
import dev.docket.ports.UserRepository;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/** Users in SQLite; roles are stored as a comma-separated list of wire names. */
final class SqliteUserRepository implements UserRepository {
  private final Writer writer;
  private final Reader reader;

  SqliteUserRepository(Writer writer, Reader reader) {
    this.writer = writer;
    this.reader = reader;
  }

  @Override
  public void insert(User user) {
    writer.write(
        dsl -> {
          try {
            return dsl.insertInto(USERS).set(toRecord(user)).execute();
          } catch (DataAccessException e) {
            if (SqlErrors.isUniqueViolation(e)) {
              throw new ConflictException("a user with email " + user.email() + " exists");
            }
            throw e;
          }
        });
  }

  @Override
  public Optional<User> find(UUID id) {
    return findWhere(USERS.ID.eq(Rows.text(id)));
  }

  @Override
  public Optional<User> findByEmail(String email) {
    return findWhere(USERS.EMAIL.eq(email));
  }

  private Optional<User> findWhere(Condition c) {
    return Optional.ofNullable(reader.read(dsl -> dsl.selectFrom(USERS).where(c).fetchOne()))
        .map(SqliteUserRepository::toUser);
  }

  @Override
  public Page<User> list(UUID afterId, int limit) {
    Condition after = afterId == null ? DSL.noCondition() : USERS.ID.lt(Rows.text(afterId));
    return Pages.of(
        reader.read(
            dsl ->
                dsl.selectFrom(USERS)
                    .where(after)
                    .orderBy(USERS.ID.desc())
                    .limit(limit + 1)
                    .fetch(SqliteUserRepository::toUser)),
        limit,
        User::id);
  }

  @Override
  public void update(User user) {
    int rows =
        writer.write(
            dsl ->
                dsl.update(USERS)
                    .set(USERS.NAME, user.name())
                    .set(USERS.ROLES, roles(user.roles()))
                    .set(USERS.ACTIVE, user.active())
                    .where(USERS.ID.eq(Rows.text(user.id())))
                    .execute());
    if (rows == 0) {
      throw new dev.docket.ports.NotFoundException("user", user.id());
    }
  }

  @Override
  public long count() {
    return reader.read(dsl -> (long) dsl.fetchCount(USERS));
  }

  private static UsersRecord toRecord(User u) {
    UsersRecord r = new UsersRecord();
    r.setId(Rows.text(u.id()));
    r.setName(u.name());
    r.setEmail(u.email());
    r.setRoles(roles(u.roles()));
    r.setActive(u.active());
    r.setCreatedAt(Rows.millis(u.createdAt()));
    return r;
  }

  private static String roles(Set<Role> roles) {
    return roles.stream().sorted().map(Role::wire).collect(Collectors.joining(","));
  }

  private static User toUser(UsersRecord r) {
    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
    Arrays.stream(r.getRoles().split(","))
        .filter(s -> !s.isEmpty())
        .forEach(s -> roles.add(Role.fromWire("roles", s)));
    return new User(
        Rows.uuid(r.getId()),
        r.getName(),
        r.getEmail(),
        roles,
        r.getActive(),
        Rows.instant(r.getCreatedAt()));
  }
}

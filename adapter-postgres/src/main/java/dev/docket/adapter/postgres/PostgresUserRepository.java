package dev.docket.adapter.postgres;

import static dev.docket.adapter.postgres.jooq.Tables.USERS;

import dev.docket.domain.Role;
import dev.docket.domain.User;
import dev.docket.ports.NotFoundException;
import dev.docket.ports.Page;
import dev.docket.ports.UserRepository;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** Users on Postgres; roles are kept as a comma-separated list of their wire names. */
final class PostgresUserRepository implements UserRepository {
  private final Db db;

  PostgresUserRepository(Db db) {
    this.db = db;
  }

  @Override
  public void insert(User user) {
    db.run(
        ctx ->
            ctx.insertInto(USERS)
                .set(USERS.ID, user.id())
                .set(USERS.NAME, user.name())
                .set(USERS.EMAIL, user.email())
                .set(USERS.ROLES, roles(user.roles()))
                .set(USERS.ACTIVE, user.active())
                .set(USERS.CREATED_AT, Sql.ts(user.createdAt()))
                .execute());
  }

  @Override
  public Optional<User> find(UUID id) {
    return db.run(
        ctx ->
            ctx.selectFrom(USERS)
                .where(USERS.ID.eq(id))
                .fetchOptional(PostgresUserRepository::toUser));
  }

  @Override
  public Optional<User> findByEmail(String email) {
    return db.run(
        ctx ->
            ctx.selectFrom(USERS)
                .where(USERS.EMAIL.eq(email))
                .fetchOptional(PostgresUserRepository::toUser));
  }

  @Override
  public Page<User> list(UUID afterId, int limit) {
    Condition after = afterId == null ? DSL.noCondition() : USERS.ID.lt(afterId);
    List<User> rows =
        db.run(
            ctx ->
                ctx.selectFrom(USERS)
                    .where(after)
                    .orderBy(USERS.ID.desc())
                    .limit(limit + 1)
                    .fetch(PostgresUserRepository::toUser));
    return Pages.of(rows, limit, User::id);
  }

  @Override
  public void update(User user) {
    int rows =
        db.run(
            ctx ->
                ctx.update(USERS)
                    .set(USERS.NAME, user.name())
                    .set(USERS.ROLES, roles(user.roles()))
                    .set(USERS.ACTIVE, user.active())
                    .where(USERS.ID.eq(user.id()))
                    .execute());
    if (rows == 0) {
      throw new NotFoundException("user", user.id());
    }
  }

  @Override
  public long count() {
    return db.run(ctx -> (long) ctx.fetchCount(USERS));
  }

  private static User toUser(Record r) {
    return new User(
        r.get(USERS.ID),
        r.get(USERS.NAME),
        r.get(USERS.EMAIL),
        parseRoles(r.get(USERS.ROLES)),
        r.get(USERS.ACTIVE),
        Sql.instant(r.get(USERS.CREATED_AT)));
  }

  private static String roles(Set<Role> roles) {
    return roles.stream().sorted().map(Role::wire).collect(Collectors.joining(","));
  }

  private static Set<Role> parseRoles(String text) {
    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
    if (!text.isEmpty()) {
      for (String r : text.split(",")) {
        roles.add(Role.fromWire("roles", r));
      }
    }
    return roles;
  }
}

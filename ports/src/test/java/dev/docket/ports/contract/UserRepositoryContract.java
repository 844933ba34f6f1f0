package dev.docket.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docket.domain.Ids;
import dev.docket.domain.Role;
import dev.docket.domain.User;
import dev.docket.ports.ConflictException;
import dev.docket.ports.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link dev.docket.ports.UserRepository} must have. */
public abstract class UserRepositoryContract extends StoreContract {

  @Test
  void insertedUserRoundTripsEveryField() {
    User user =
        new User(
            Ids.newId(),
            "Zoë Ünicode 世界 🎉",
            "zoe+tag@exämple.test",
            EnumSet.of(Role.ADMIN, Role.WORKER),
            true,
            Instant.parse("2025-10-26T01:59:59.999Z"));
    store.users().insert(user);

    assertThat(store.users().find(user.id())).contains(user);
    assertThat(store.users().findByEmail(user.email())).contains(user);
  }

  @Test
  void userWithoutRolesAndInactiveRoundTrips() {
    User user = newUser().deactivated();
    store.users().insert(user);

    User found = store.users().find(user.id()).orElseThrow();
    assertThat(found).isEqualTo(user);
    assertThat(found.roles()).isEmpty();
    assertThat(found.active()).isFalse();
  }

  @Test
  void absentUserIsEmpty() {
    assertThat(store.users().find(UUID.randomUUID())).isEmpty();
    assertThat(store.users().findByEmail("nobody@example.test")).isEmpty();
  }

  @Test
  void duplicateEmailIsAConflictAndKeepsTheFirstUser() {
    User first = insertUser();
    User second =
        new User(Ids.newId(), "Other", first.email(), Set.of(Role.SUBMITTER), true, Instant.now());

    assertThatThrownBy(() -> store.users().insert(second)).isInstanceOf(ConflictException.class);
    assertThat(store.users().find(second.id())).isEmpty();
    assertThat(store.users().findByEmail(first.email())).contains(first);
  }

  @Test
  void updateStoresNameRolesAndActive() {
    User user = insertUser();
    User changed =
        new User(user.id(), "Renamed", user.email(), Set.of(Role.ADMIN), false, user.createdAt());

    store.users().update(changed);

    assertThat(store.users().find(user.id())).contains(changed);
  }

  @Test
  void countCountsEveryUser() {
    assertThat(store.users().count()).isZero();
    insertUser();
    insertUser();
    insertUser();
    assertThat(store.users().count()).isEqualTo(3);
  }

  @Test
  void listPagesNewestFirstWithoutSkipsOrRepeats() {
    List<User> inserted = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      inserted.add(insertUser());
    }
    List<UUID> expected = inserted.stream().map(User::id).sorted().toList().reversed();

    List<UUID> seen = new ArrayList<>();
    UUID after = null;
    int pages = 0;
    while (true) {
      Page<User> page = store.users().list(after, 3);
      page.items().forEach(u -> seen.add(u.id()));
      pages++;
      if (page.nextCursor() == null) {
        break;
      }
      assertThat(page.nextCursor()).isEqualTo(page.items().getLast().id().toString());
      after = UUID.fromString(page.nextCursor());
    }

    assertThat(seen).containsExactlyElementsOf(expected);
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void listOfExactlyOnePageHasNoCursor() {
    insertUser();
    insertUser();

    Page<User> page = store.users().list(null, 2);

    assertThat(page.items()).hasSize(2);
    assertThat(page.nextCursor()).isNull();
  }
}

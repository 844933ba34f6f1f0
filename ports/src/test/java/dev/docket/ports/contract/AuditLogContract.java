package dev.docket.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docket.domain.AuditEntry;
import dev.docket.domain.Ids;
import dev.docket.ports.AuditQuery;
import dev.docket.ports.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link dev.docket.ports.AuditLog} must have. */
public abstract class AuditLogContract extends StoreContract {

  private AuditEntry append(Instant at, String actor, String action, String resource) {
    AuditEntry e =
        new AuditEntry(
            Ids.newId(at), at, actor, action, resource, "r-" + at.toEpochMilli(), "{}", "10.0.0.1");
    store.audit().append(e);
    return e;
  }

  private List<AuditEntry> all(AuditQuery q) {
    return store.audit().list(q).items();
  }

  private static AuditQuery query(String action, String resource, String actor, Instant since) {
    return new AuditQuery(action, resource, actor, since, null, 100);
  }

  @Test
  void appendedEntryRoundTripsEveryField() {
    AuditEntry full =
        new AuditEntry(
            Ids.newId(),
            Instant.parse("2024-10-27T00:59:59.999Z"),
            UUID.randomUUID().toString(),
            "user.create",
            "user",
            UUID.randomUUID().toString(),
            "{\"email\":\"zoë@exämple.test\",\"note\":\"世界 🎉\"}",
            "2001:db8::1");
    AuditEntry sparse =
        new AuditEntry(
            Ids.newId(),
            Instant.parse("2024-10-27T01:00:00.000Z"),
            null,
            "auth.failed",
            "key",
            null,
            "{}",
            null);
    store.audit().append(full);
    store.audit().append(sparse);

    assertThat(all(query(null, null, null, null))).containsExactly(sparse, full);
  }

  @Test
  void coalescedEntriesCountIntoTheFirstWithTheSameKey() {
    AuditEntry first = failure(T0);
    store.audit().appendCoalesced(first, "auth.failed|1|10.0.0.9");
    store.audit().appendCoalesced(failure(T0.plusSeconds(1)), "auth.failed|1|10.0.0.9");
    store.audit().appendCoalesced(failure(T0.plusSeconds(2)), "auth.failed|1|10.0.0.9");
    AuditEntry other = failure(T0.plusSeconds(3));
    store.audit().appendCoalesced(other, "auth.failed|1|10.0.0.10");
    append(T0.plusSeconds(4), "cli", "user.create", "user");

    List<AuditEntry> rows = all(query("auth.failed", null, null, null));
    assertThat(rows).extracting(AuditEntry::id).containsExactly(other.id(), first.id());
    assertThat(rows.get(1).details()).containsPattern("\"count\":\\s*3\\b");
    assertThat(rows.get(1).details()).contains("unknown key");
    assertThat(rows.get(0).details()).containsPattern("\"count\":\\s*1\\b");
    assertThat(rows.get(1).at()).isEqualTo(T0);
  }

  private static AuditEntry failure(Instant at) {
    return new AuditEntry(
        Ids.newId(at),
        at,
        null,
        "auth.failed",
        "key",
        null,
        "{\"reason\":\"unknown key\",\"count\":1}",
        "10.0.0.9");
  }

  @Test
  void emptyLogListsNothing() {
    Page<AuditEntry> page = store.audit().list(query(null, null, null, null));
    assertThat(page.items()).isEmpty();
    assertThat(page.nextCursor()).isNull();
  }

  @Test
  void filtersByActionResourceActorAndSinceInclusive() {
    AuditEntry a = append(T0, "cli", "user.create", "user");
    AuditEntry b = append(T0.plusSeconds(1), "cli", "key.create", "key");
    AuditEntry c = append(T0.plusSeconds(2), "u-1", "key.revoke", "key");
    AuditEntry d = append(T0.plusSeconds(3), null, "auth.failed", "auth");

    assertThat(all(query("key.create", null, null, null))).containsExactly(b);
    assertThat(all(query(null, "key", null, null))).containsExactly(c, b);
    assertThat(all(query(null, null, "cli", null))).containsExactly(b, a);
    assertThat(all(query(null, null, null, T0.plusSeconds(2)))).containsExactly(d, c);
    assertThat(all(query(null, "key", "u-1", T0))).containsExactly(c);
    assertThat(all(query("nothing.matches", null, null, null))).isEmpty();
  }

  @Test
  void pagesNewestFirstWithoutSkipsOrRepeats() {
    List<AuditEntry> entries = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      entries.add(append(T0.plusMillis(i), "cli", "job.delete", "job"));
    }
    List<AuditEntry> seen = new ArrayList<>();
    UUID after = null;
    while (true) {
      Page<AuditEntry> page =
          store.audit().list(new AuditQuery("job.delete", null, null, null, after, 3));
      seen.addAll(page.items());
      if (page.nextCursor() == null) {
        break;
      }
      assertThat(page.items()).hasSize(3);
      assertThat(page.nextCursor()).isEqualTo(page.items().getLast().id().toString());
      after = UUID.fromString(page.nextCursor());
    }

    assertThat(seen).containsExactlyElementsOf(entries.reversed());
  }
}

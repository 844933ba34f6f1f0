package dev.docket.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docket.domain.Role;
import dev.docket.ports.admin.AppliedMigration;
import dev.docket.ports.admin.DatabaseInfo;
import dev.docket.ports.admin.IntegrityReport;
import dev.docket.ports.admin.SchemaVersion;
import dev.docket.ports.admin.StoreAdmin;
import dev.docket.ports.admin.StoreAdminException;
import dev.docket.ports.admin.TableRows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@link StoreAdmin} port on a database whose store is open: inspection works next to it and
 * the database refuses writes from an ad-hoc query.
 */
public abstract class StoreAdminContract extends StoreContract {

  /** An admin of the database {@link #store} was opened on. */
  protected abstract StoreAdmin admin();

  /** Counts what a dump or query hands over. */
  private static final class Collected implements TableRows {
    final Map<String, Integer> rowsPerTable = new LinkedHashMap<>();
    final List<Object> rows = new ArrayList<>();
    private String table = "";

    @Override
    public void table(String name) {
      table = name;
      rowsPerTable.put(name, 0);
    }

    @Override
    public void row(Map<String, Object> columns) {
      rows.add(columns);
      rowsPerTable.merge(table, 1, Integer::sum);
    }

    @Override
    public void json(String object) {
      rows.add(object);
    }
  }

  @Test
  void anOpenedStoreIsAtTheNewestSchemaThisBuildKnowsWithItsHistory() {
    SchemaVersion version = admin().schemaVersion();
    List<AppliedMigration> history = admin().history();

    assertThat(version.supported()).isPositive();
    assertThat(version.applied()).isEqualTo(version.supported());
    assertThat(version.pending()).isZero();
    assertThat(version.isNewerThanBuild()).isFalse();
    assertThat(history).isNotEmpty().allMatch(AppliedMigration::success);
    assertThat(history.get(history.size() - 1).version())
        .isEqualTo(Integer.toString(version.supported()));
    admin().preflight();
  }

  @Test
  void infoCountsTheRowsOfEveryDocketTable() {
    insertJob(insertUser(), spec("q", "k"));

    DatabaseInfo info = admin().info();

    assertThat(info.backend()).isEqualTo(admin().backend());
    assertThat(info.location()).isEqualTo(admin().location());
    assertThat(info.schema()).isEqualTo(admin().schemaVersion());
    assertThat(info.sizeBytes()).isPositive();
    assertThat(info.serverVersion()).isNotBlank();
    assertThat(info.rowCounts()).containsEntry("jobs", 1L).containsEntry("users", 1L);
    assertThat(info.rowCounts()).doesNotContainKey("flyway_schema_history");
  }

  @Test
  void aHealthyDatabasePassesItsCheck() {
    IntegrityReport check = admin().check();

    assertThat(check.ok()).isTrue();
    assertThat(check.problems()).isEmpty();
    assertThat(check.detail()).isNotBlank();
  }

  @Test
  void aDumpHasEveryTableWithItsRows() {
    insertJob(insertUser(), spec("q", "k"));
    Collected dump = new Collected();

    admin().dump(dump);

    assertThat(dump.rowsPerTable)
        .containsEntry("jobs", 1)
        .containsEntry("users", 1)
        .containsEntry("api_keys", 0);
  }

  @Test
  void aQueryReturnsItsRowsAndTheDatabaseRefusesWrites() {
    store.users().insert(newUser(Role.ADMIN));
    Collected rows = new Collected();

    admin().query("SELECT id FROM users", rows);

    assertThat(rows.rows).hasSize(1);
    assertThatThrownBy(() -> admin().query("DELETE FROM users", new Collected()))
        .isInstanceOf(StoreAdminException.class);
    assertThat(store.users().count()).isEqualTo(1L);
  }
}

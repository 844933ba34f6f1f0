package dev.docket.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docket.domain.AuditEntry;
import dev.docket.ports.AuditQuery;
import dev.docket.ports.Store;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test over one fresh database: the store opened beside the command line (as a running server
 * would be), a {@link Seed} to fill it, and {@code docket} runs against the same database.
 */
abstract class StoreCase {
  static final ObjectMapper JSON = new ObjectMapper();

  protected Backend backend;
  protected String db;
  protected Store store;
  protected Seed seed;

  /** The backend of this test class; called once per test. */
  abstract Backend backend();

  @BeforeEach
  void openStore() throws Exception {
    backend = backend();
    db = backend.create();
    store = backend.open(db);
    seed = new Seed(store);
  }

  @AfterEach
  void closeStore() throws Exception {
    if (store != null) {
      store.close();
    }
    backend.drop();
  }

  Cli docket(String... args) {
    return Cli.run(db, args);
  }

  Cli docket(Map<String, String> env, String... args) {
    return Cli.run(db, env, args);
  }

  static JsonNode json(Cli run) throws Exception {
    return JSON.readTree(run.out());
  }

  List<AuditEntry> audit(String action) {
    return store.audit().list(new AuditQuery(action, null, null, null, null, 100)).items();
  }
}

package dev.docket.app.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docket.adapter.sqlite.SqliteStore;
import dev.docket.ports.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code docket export}, {@code import} and {@code copy} between SQLite files. */
class TransferCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private String source;

  @BeforeEach
  void fillSource() throws Exception {
    source = "sqlite:" + dir.resolve("source.db");
    try (Store store = SqliteStore.open(dir.resolve("source.db"))) {
      SampleStore.fill(store, 20, 600_000);
    }
  }

  private String sqlite(String name) {
    return "sqlite:" + dir.resolve(name);
  }

  private Path export(String db, String file) {
    Path out = dir.resolve(file);
    TransferCli run = TransferCli.run("--db", db, "export", "--out", out.toString());
    assertThat(run.exitCode()).as("%s", run).isZero();
    return out;
  }

  @Test
  void exportToStandardOutputIsAHeaderOneLinePerRowAndAnEndRecord() throws Exception {
    TransferCli run = TransferCli.run("--db", source, "export");

    assertThat(run.exitCode()).as("%s", run).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("{\"type\":\"docket-export\",\"version\":1}");
    JsonNode end = JSON.readTree(lines.get(lines.size() - 1));
    assertThat(end.path("type").asText()).isEqualTo("end");
    assertThat(end.path("tables").path("users").path("rows").asLong()).isEqualTo(3);
    assertThat(end.path("tables").path("jobs").path("rows").asLong()).isEqualTo(20);
    List<String> types = new ArrayList<>();
    for (String line : lines.subList(1, lines.size() - 1)) {
      types.add(JSON.readTree(line).path("type").asText());
    }
    assertThat(types)
        .containsSubsequence("user", "key", "job", "event", "artifact", "chunk", "audit")
        .contains("webhook", "setting");
    assertThat(run.err()).contains("exported " + (lines.size() - 2) + " records");
  }

  @Test
  void importingAnExportIntoAnEmptyStoreGivesTheSameExportByteForByte() throws Exception {
    Path first = export(source, "first.ndjson");
    String target = sqlite("target.db");

    TransferCli imported = TransferCli.run("--db", target, "import", first.toString());

    assertThat(imported.exitCode()).as("%s", imported).isZero();
    assertThat(imported.out())
        .contains("jobs")
        .contains("ok sha256")
        .containsPattern("imported \\d+ records .* rows and checksums match");
    Path second = export(target, "second.ndjson");
    assertThat(Files.mismatch(first, second)).isEqualTo(-1L);
  }

  @Test
  void importRefusesAStoreThatHoldsRowsUnlessToldToMerge() throws Exception {
    Path file = export(source, "a.ndjson");

    TransferCli refused = TransferCli.run("--db", source, "import", file.toString());
    TransferCli merged = TransferCli.run("--db", source, "import", file.toString(), "--merge");

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.errLines())
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("docket: the store at " + dir.resolve("source.db") + " is not empty (")
        .endsWith("rows); use an empty store, or --merge to add to it");
    assertThat(merged.exitCode()).as("%s", merged).isZero();
    assertThat(merged.out()).contains("row counts add up (merged)").contains("ok (count; merged)");
    assertThat(Files.mismatch(file, export(source, "b.ndjson"))).isEqualTo(-1L);
  }

  @Test
  void aCutShortExportIsNoticed() throws Exception {
    Path file = export(source, "a.ndjson");
    List<String> lines = Files.readAllLines(file);
    Files.write(dir.resolve("cut.ndjson"), lines.subList(0, lines.size() - 3));

    TransferCli run =
        TransferCli.run("--db", sqlite("t.db"), "import", dir.resolve("cut.ndjson").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("ends without its end record, so it is cut short");
  }

  @Test
  void anAlteredRecordIsNoticedThroughTheEndRecord() throws Exception {
    Path file = export(source, "a.ndjson");
    String text = Files.readString(file);
    int job = text.indexOf("{\"type\":\"job\"");
    int queue = text.indexOf("\"queue\":\"q", job);
    String altered =
        text.substring(0, queue)
            + "\"queue\":\"z"
            + text.substring(queue + "\"queue\":\"q".length());
    Files.writeString(dir.resolve("altered.ndjson"), altered);

    TransferCli run =
        TransferCli.run("--db", sqlite("t.db"), "import", dir.resolve("altered.ndjson").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("does not match its end record: jobs rows differ");
  }

  @Test
  void aLineThatIsNotARecordIsNamed() throws Exception {
    Path file = dir.resolve("bad.ndjson");
    Files.writeString(
        file,
        "{\"type\":\"docket-export\",\"version\":1}\n{\"type\":\"gadget\"}\n",
        StandardCharsets.UTF_8);

    TransferCli run = TransferCli.run("--db", sqlite("t.db"), "import", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("docket: line 2: unknown record type 'gadget'");
  }

  @Test
  void copyVerifiesCountsAndChecksumsAndReportsThemAsJson() throws Exception {
    TransferCli run =
        TransferCli.run("copy", "--from", source, "--to", sqlite("copy.db"), "--json");

    assertThat(run.exitCode()).as("%s", run).isZero();
    JsonNode report = JSON.readTree(run.out());
    assertThat(report.path("verified").asBoolean()).isTrue();
    assertThat(report.path("merge").asBoolean()).isFalse();
    JsonNode jobs = report.path("tables").path("jobs");
    assertThat(jobs.path("rows").asLong()).isEqualTo(20);
    assertThat(jobs.path("sha256").asText()).isEqualTo(jobs.path("expected_sha256").asText());
    assertThat(report.path("tables").path("artifact_chunks").path("rows").asLong())
        .isGreaterThan(1);
  }

  @Test
  void copyRefusesATargetThatHoldsRowsAndTheSameStoreTwice() {
    TransferCli occupied = TransferCli.run("copy", "--from", source, "--to", source + "x");
    TransferCli again = TransferCli.run("copy", "--from", source, "--to", source + "x");
    TransferCli same = TransferCli.run("copy", "--from", source, "--to", source);

    assertThat(occupied.exitCode()).as("%s", occupied).isZero();
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("is not empty (").contains("--merge");
    assertThat(same.exitCode()).isEqualTo(2);
    assertThat(same.err()).contains("--to: is the same store as --from");
  }

  @Test
  void withoutATerminalProgressIsAPlainLineEveryTenThousandRecords() throws Exception {
    try (Store store = SqliteStore.open(dir.resolve("source.db"))) {
      SampleStore.addAuditEntries(store, 21_000);
    }

    TransferCli run =
        TransferCli.run(Map.of(), "copy", "--from", source, "--to", sqlite("copy.db"));

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.errLines())
        .hasSize(3)
        .anySatisfy(
            l -> assertThat(l).matches("copied 10000/\\d+ records \\(audit_log \\d+/\\d+\\)"))
        .anySatisfy(l -> assertThat(l).startsWith("copied 20000/"));
    assertThat(run.errLines().get(2)).matches("copied (\\d+)/\\1 records \\(settings 1/1\\)");
  }
}

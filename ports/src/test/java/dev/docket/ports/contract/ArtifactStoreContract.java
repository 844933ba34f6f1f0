package dev.docket.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docket.domain.Artifact;
import dev.docket.domain.Job;
import dev.docket.domain.LeaseLostException;
import dev.docket.domain.User;
import dev.docket.ports.NotFoundException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link dev.docket.ports.ArtifactStore} must have. */
public abstract class ArtifactStoreContract extends StoreContract {

  private static final Consumer<Job> ANY = j -> {};

  private static InputStream text(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static String sha256Of(InputStream in) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    byte[] buf = new byte[64 * 1024];
    for (int n; (n = in.read(buf)) >= 0; ) {
      md.update(buf, 0, n);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private String read(Job job, String name) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    store.artifacts().copyTo(job.id(), name, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void smallArtifactRoundTripsWithMetadata() throws Exception {
    Job job = insertJob(insertUser(), spec("q", "k"));
    String body = "<report>Zoë – 世界 🎉</report>";
    Instant before = store.jobs().now();

    Artifact a = store.artifacts().put(job.id(), "report.xml", "application/xml", text(body), ANY);

    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    assertThat(a.jobId()).isEqualTo(job.id());
    assertThat(a.name()).isEqualTo("report.xml");
    assertThat(a.contentType()).isEqualTo("application/xml");
    assertThat(a.size()).isEqualTo(bytes.length);
    assertThat(a.sha256()).isEqualTo(sha256(bytes));
    assertThat(a.createdAt()).isBetween(before, store.jobs().now());
    assertThat(store.artifacts().find(job.id(), "report.xml")).contains(a);
    assertThat(read(job, "report.xml")).isEqualTo(body);
  }

  @Test
  void emptyArtifactIsStored() throws Exception {
    Job job = insertJob(insertUser(), spec("q", "k"));

    Artifact a = store.artifacts().put(job.id(), "empty", "text/plain", text(""), ANY);

    assertThat(a.size()).isZero();
    assertThat(a.sha256())
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(read(job, "empty")).isEmpty();
  }

  @Test
  void largeArtifactStreamsInAndOutUnchanged() throws Exception {
    Job job = insertJob(insertUser(), spec("q", "k"));
    long size = 20L * 1024 * 1024 + 12_345;
    long seed = 42;
    String expectedSha = sha256Of(new GeneratedBytes(seed, size));

    Artifact a =
        store
            .artifacts()
            .put(
                job.id(),
                "big.bin",
                "application/octet-stream",
                new GeneratedBytes(seed, size),
                ANY);

    assertThat(a.size()).isEqualTo(size);
    assertThat(a.sha256()).isEqualTo(expectedSha).matches("[0-9a-f]{64}");
    GeneratedBytes.Checker out = new GeneratedBytes.Checker(seed);
    store.artifacts().copyTo(job.id(), "big.bin", out);
    assertThat(out.count()).isEqualTo(size);
    assertThat(out.firstMismatch()).isEqualTo(-1);
  }

  @Test
  void sameNameReplacesTheArtifact() throws Exception {
    Job job = insertJob(insertUser(), spec("q", "k"));
    store.artifacts().put(job.id(), "out.txt", "text/plain", new GeneratedBytes(1, 600_000), ANY);

    Artifact second = store.artifacts().put(job.id(), "out.txt", "text/csv", text("v2"), ANY);

    assertThat(store.artifacts().list(job.id())).containsExactly(second);
    assertThat(second.contentType()).isEqualTo("text/csv");
    assertThat(read(job, "out.txt")).isEqualTo("v2");
  }

  @Test
  void listIsByNameAndOnlyThatJobs() throws Exception {
    User owner = insertUser();
    Job job = insertJob(owner, spec("q", "k"));
    Job other = insertJob(owner, spec("q", "k"));
    Artifact b = store.artifacts().put(job.id(), "b.txt", "text/plain", text("b"), ANY);
    Artifact a = store.artifacts().put(job.id(), "a.txt", "text/plain", text("a"), ANY);
    store.artifacts().put(other.id(), "c.txt", "text/plain", text("c"), ANY);

    assertThat(store.artifacts().list(job.id())).containsExactly(a, b);
    assertThat(store.artifacts().list(UUID.randomUUID())).isEmpty();
  }

  @Test
  void absentArtifactIsEmptyOrNotFound() {
    Job job = insertJob(insertUser(), spec("q", "k"));

    assertThat(store.artifacts().find(job.id(), "nope")).isEmpty();
    assertThat(store.artifacts().list(job.id())).isEmpty();
    assertThatThrownBy(
            () -> store.artifacts().copyTo(job.id(), "nope", new ByteArrayOutputStream()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void putOnAnAbsentJobIsNotFound() {
    UUID missing = UUID.randomUUID();
    assertThatThrownBy(() -> store.artifacts().put(missing, "x", "text/plain", text("data"), ANY))
        .isInstanceOf(NotFoundException.class);
    assertThat(store.artifacts().find(missing, "x")).isEmpty();
  }

  @Test
  void guardSeesTheCurrentJobAndARefusalKeepsTheOldArtifact() throws Exception {
    User owner = insertUser();
    Job job = insertJob(owner, spec("q", "k"));
    Job claimed = claimOnly(job, claimChange(owner, "w", Duration.ofMinutes(5)));
    String token = claimed.leaseToken();
    Artifact old = store.artifacts().put(job.id(), "log", "text/plain", text("old"), ANY);
    store.jobs().update(job.id(), (j, now) -> j.cancel(now));
    Job[] seen = new Job[1];

    assertThatThrownBy(
            () ->
                store
                    .artifacts()
                    .put(
                        job.id(),
                        "log",
                        "text/plain",
                        new GeneratedBytes(7, 700_000),
                        j -> {
                          seen[0] = j;
                          if (!token.equals(j.leaseToken()) || !j.leaseHeldAt(store.jobs().now())) {
                            throw new LeaseLostException(j.id());
                          }
                        }))
        .isInstanceOf(LeaseLostException.class);

    assertThat(seen[0].status()).isEqualTo(dev.docket.domain.JobStatus.CANCELLED);
    assertThat(store.artifacts().list(job.id())).containsExactly(old);
    assertThat(read(job, "log")).isEqualTo("old");
  }

  @Test
  void refusedFirstUploadLeavesNoArtifact() {
    Job job = insertJob(insertUser(), spec("q", "k"));

    assertThatThrownBy(
            () ->
                store
                    .artifacts()
                    .put(
                        job.id(),
                        "x.bin",
                        "application/octet-stream",
                        new GeneratedBytes(3, 1_000_000),
                        j -> {
                          throw new LeaseLostException(j.id());
                        }))
        .isInstanceOf(LeaseLostException.class);

    assertThat(store.artifacts().find(job.id(), "x.bin")).isEmpty();
    assertThat(store.artifacts().list(job.id())).isEmpty();
  }

  @Test
  void failingUploadStreamKeepsNothingAndTheOldArtifactStays() throws Exception {
    Job job = insertJob(insertUser(), spec("q", "k"));
    Artifact old = store.artifacts().put(job.id(), "data", "text/plain", text("old"), ANY);
    IOException broken = new IOException("client went away");

    assertThatThrownBy(
            () ->
                store
                    .artifacts()
                    .put(
                        job.id(),
                        "data",
                        "text/plain",
                        new GeneratedBytes(5, 900_000, broken),
                        ANY))
        .isSameAs(broken);

    assertThat(store.artifacts().list(job.id())).containsExactly(old);
    assertThat(read(job, "data")).isEqualTo("old");
  }

  @Test
  void deletingATerminalJobRemovesItsArtifacts() throws Exception {
    Job job = insertJob(insertUser(), spec("q", "k"));
    store.artifacts().put(job.id(), "a", "text/plain", text("a"), ANY);
    store.jobs().update(job.id(), (j, now) -> j.cancel(now));

    assertThat(store.jobs().deleteTerminal(job.id())).isTrue();

    assertThat(store.artifacts().list(job.id())).isEmpty();
    assertThat(store.artifacts().find(job.id(), "a")).isEmpty();
    assertThatThrownBy(() -> store.artifacts().copyTo(job.id(), "a", new ByteArrayOutputStream()))
        .isInstanceOf(NotFoundException.class);
  }
}

package dev.docket.ports.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docket.domain.Artifact;
import dev.docket.domain.FieldError;
import dev.docket.domain.Job;
import dev.docket.domain.JobCancelledException;
import dev.docket.domain.LeaseLostException;
import dev.docket.domain.Role;
import dev.docket.domain.ValidationException;
import dev.docket.ports.ForbiddenException;
import dev.docket.ports.NotFoundException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Uploading artifacts under a lease and reading them back. */
public abstract class ArtifactServiceContract extends ServiceContract {

  private static InputStream text(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String sha256(String s) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  private String read(Job job, String name) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    docket.artifacts().copyTo(job.id(), name, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private Job running() throws InterruptedException {
    submit(submitter, "ci", "build");
    return claimOne(worker, "ci");
  }

  @Test
  void theHolderUploadsWithItsTokenAndTheOwnerReadsIt() throws Exception {
    Job job = running();

    Artifact put =
        docket
            .artifacts()
            .put(
                worker, job.id(), "report.xml", "application/xml", job.leaseToken(), text("<ok/>"));

    assertThat(put.name()).isEqualTo("report.xml");
    assertThat(put.contentType()).isEqualTo("application/xml");
    assertThat(put.size()).isEqualTo(5);
    assertThat(put.sha256()).isEqualTo(sha256("<ok/>"));
    assertThat(docket.artifacts().list(submitter, job.id())).containsExactly(put);
    assertThat(docket.artifacts().find(submitter, job.id(), "report.xml")).isEqualTo(put);
    assertThat(read(job, "report.xml")).isEqualTo("<ok/>");
  }

  @Test
  void theHolderAndAdminMayReadOthersMayNot() throws Exception {
    Job job = running();
    docket.artifacts().put(worker, job.id(), "a.txt", "text/plain", job.leaseToken(), text("a"));
    Actor stranger = actor(Role.SUBMITTER, Role.WORKER);

    assertThat(docket.artifacts().list(worker, job.id())).hasSize(1);
    assertThat(docket.artifacts().list(admin, job.id())).hasSize(1);
    assertThatThrownBy(() -> docket.artifacts().list(stranger, job.id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> docket.artifacts().find(stranger, job.id(), "a.txt"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aStaleTokenLosesTheLeaseAndStoresNothing() throws Exception {
    Job job = running();

    assertThatThrownBy(
            () ->
                docket
                    .artifacts()
                    .put(worker, job.id(), "a.txt", "text/plain", "lt_stale", text("a")))
        .isInstanceOf(LeaseLostException.class);
    assertThat(docket.artifacts().list(submitter, job.id())).isEmpty();
  }

  @Test
  void theTokenOfAFinishedJobLosesTheLease() throws Exception {
    Job job = running();
    docket.workers().complete(worker, job.id(), job.leaseToken(), null);

    assertThatThrownBy(
            () ->
                docket
                    .artifacts()
                    .put(worker, job.id(), "a.txt", "text/plain", job.leaseToken(), text("a")))
        .isInstanceOf(LeaseLostException.class);
    assertThat(docket.artifacts().list(submitter, job.id())).isEmpty();
  }

  @Test
  void theHolderOfACancelledJobIsToldSo() throws Exception {
    Job job = running();
    docket.jobs().cancel(submitter, job.id());

    assertThatThrownBy(
            () ->
                docket
                    .artifacts()
                    .put(worker, job.id(), "a.txt", "text/plain", job.leaseToken(), text("a")))
        .isInstanceOf(JobCancelledException.class);
  }

  @Test
  void aWorkerMustSendItsToken() throws Exception {
    Job job = running();

    assertThatThrownBy(
            () -> docket.artifacts().put(worker, job.id(), "a.txt", null, null, text("a")))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactly("lease_token"));
  }

  @Test
  void anAdminUploadsWithoutAToken() throws Exception {
    Job job = submit(submitter, "ci", "build");

    Artifact put = docket.artifacts().put(admin, job.id(), "notes", null, null, text("n"));

    assertThat(put.contentType()).isEqualTo("application/octet-stream");
    assertThat(read(job, "notes")).isEqualTo("n");
  }

  @Test
  void aSubmitterCannotUpload() throws Exception {
    Job job = running();

    assertThatThrownBy(
            () ->
                docket
                    .artifacts()
                    .put(submitter, job.id(), "a.txt", null, job.leaseToken(), text("a")))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void anUnsafeNameIsRejected() throws Exception {
    Job job = running();

    for (String name : new String[] {"../etc/passwd", "..", "a b", ""}) {
      assertThatThrownBy(
              () ->
                  docket.artifacts().put(worker, job.id(), name, null, job.leaseToken(), text("a")))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("name"));
    }
  }

  @Test
  void theSameNameReplacesTheArtifact() throws Exception {
    Job job = running();
    docket
        .artifacts()
        .put(worker, job.id(), "out.txt", "text/plain", job.leaseToken(), text("first"));

    docket
        .artifacts()
        .put(worker, job.id(), "out.txt", "text/plain", job.leaseToken(), text("second!"));

    assertThat(docket.artifacts().list(submitter, job.id()))
        .singleElement()
        .satisfies(a -> assertThat(a.size()).isEqualTo(7));
    assertThat(read(job, "out.txt")).isEqualTo("second!");
  }

  @Test
  void absentJobsAndArtifactsAreNotFound() throws Exception {
    Job job = running();
    UUID unknown = UUID.fromString("01941a2b-0000-7000-8000-0000000000dd");

    assertThatThrownBy(() -> docket.artifacts().find(submitter, job.id(), "missing.txt"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> docket.artifacts().put(admin, unknown, "a", null, null, text("a")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> docket.artifacts().list(admin, unknown))
        .isInstanceOf(NotFoundException.class);
  }
}

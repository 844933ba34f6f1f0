package dev.docket.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.docket.client.error.ConflictException;
import dev.docket.client.error.ForbiddenException;
import dev.docket.client.error.JobCancelledException;
import dev.docket.client.error.LeaseLostException;
import dev.docket.client.error.NotFoundException;
import dev.docket.client.error.Problem;
import dev.docket.client.error.UnauthorizedException;
import dev.docket.client.error.ValidationException;
import dev.docket.client.model.Job;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ErrorsTest {
  private static final TestServer server = TestServer.start();
  private final DocketClient submitter = server.user("submitter");
  private final DocketClient worker = server.user("worker");

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void anUnknownJobIsNotFoundWithItsProblemDetails() {
    NotFoundException e =
        catchThrowableOfType(
            NotFoundException.class,
            () -> submitter.jobs().get("0193a0a0-0000-7000-8000-000000000000"));
    assertThat(e.status()).isEqualTo(404);
    assertThat(e.problem().slug()).isEqualTo("not-found");
    assertThat(e.problem().title()).isNotBlank();
  }

  @Test
  void aStaleLeaseTokenIsLeaseLost() {
    String queue = TestServer.newQueue();
    Job job = submitter.jobs().submit(NewJob.builder("k").queue(queue).build());
    worker.worker().claim(queue, Claim.by("w1"));
    LeaseLostException e =
        catchThrowableOfType(
            LeaseLostException.class,
            () -> worker.worker().complete(job.id(), "not-the-token", null));
    assertThat(e).isInstanceOf(ConflictException.class);
    assertThat(e.problem().type()).endsWith("lease-lost");
  }

  @Test
  void aCancelledJobTellsItsWorkerOnTheNextHeartbeat() {
    String queue = TestServer.newQueue();
    Job job = submitter.jobs().submit(NewJob.builder("k").queue(queue).build());
    String token = worker.worker().claim(queue, Claim.by("w1")).get(0).leaseToken();
    submitter.jobs().cancel(job.id());
    assertThatThrownBy(() -> worker.worker().heartbeat(job.id(), token, null, null))
        .isInstanceOf(JobCancelledException.class);
    ConflictException again =
        catchThrowableOfType(ConflictException.class, () -> submitter.jobs().cancel(job.id()));
    assertThat(again.status()).isEqualTo(409);
  }

  @Test
  void anInvalidFieldIsAValidationErrorNamingIt() {
    ValidationException e =
        catchThrowableOfType(
            ValidationException.class,
            () ->
                submitter
                    .jobs()
                    .batch(
                        List.of(
                            NewJob.of("ok", null),
                            NewJob.builder("x").queue("Not Valid!").build())));
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.problem().errors())
        .extracting(Problem.FieldError::field)
        .contains("jobs[1].queue");
    assertThat(e.messageFor("jobs[1].queue")).isNotBlank();
  }

  @Test
  void aWrongKeyIsUnauthorizedAndAMissingRoleForbidden() {
    UnauthorizedException e =
        catchThrowableOfType(
            UnauthorizedException.class, () -> server.client("dk_nonsense").users().me());
    assertThat(e.status()).isEqualTo(401);
    assertThatThrownBy(() -> server.client(null).jobs().list(JobQuery.all()))
        .isInstanceOf(UnauthorizedException.class);
    ForbiddenException f =
        catchThrowableOfType(
            ForbiddenException.class, () -> worker.jobs().submit(NewJob.of("k", null)));
    assertThat(f.problem().slug()).isEqualTo("forbidden");
  }
}

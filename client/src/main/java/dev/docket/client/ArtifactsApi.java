package dev.docket.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docket.client.error.DocketUnreachableException;
import dev.docket.client.error.LeaseLostException;
import dev.docket.client.error.NotFoundException;
import dev.docket.client.model.Artifact;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A job's artifacts, streamed both ways: neither side holds a whole artifact in memory.
 *
 * <p>An upload from a {@link Path} is repeated after any failure (the same name again replaces the
 * artifact, and the file can be read again); one from an {@link InputStream} is never repeated,
 * since its bytes are gone once sent.
 */
public final class ArtifactsApi {
  /** Uploads and downloads may take long: this much on top of the client's request timeout. */
  private static final Duration TRANSFER = Duration.ofHours(1);

  private final Transport t;

  ArtifactsApi(Transport t) {
    this.t = t;
  }

  /**
   * Uploads {@code data} (read to its end, not closed) as {@code name}; {@code leaseToken} may be
   * null for an admin.
   *
   * @throws LeaseLostException the lease is no longer this worker's
   */
  public Artifact upload(
      String jobId, String leaseToken, String name, String contentType, InputStream data) {
    HttpRequest.BodyPublisher body =
        HttpRequest.BodyPublishers.ofInputStream(() -> new Unclosed(data));
    return put(jobId, leaseToken, name, contentType, body, Replay.NEVER);
  }

  /**
   * Uploads the file at {@code file} as {@code name}; see {@link #upload(String, String, String,
   * String, InputStream)}.
   */
  public Artifact upload(
      String jobId, String leaseToken, String name, String contentType, Path file) {
    try {
      return put(
          jobId,
          leaseToken,
          name,
          contentType,
          HttpRequest.BodyPublishers.ofFile(file),
          Replay.ANY_FAILURE);
    } catch (FileNotFoundException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The artifacts of a job. */
  public List<Artifact> list(String jobId) {
    JsonNode body = t.json("GET", path(jobId), null, Replay.ANY_FAILURE);
    return Lists.items(body, "artifacts", Artifact.class);
  }

  /**
   * Writes the artifact's bytes to {@code out} (not closed) and returns how many there were.
   *
   * @throws NotFoundException no such job or artifact
   * @throws UncheckedIOException writing to {@code out} failed
   */
  public long download(String jobId, String name, OutputStream out) {
    try (InputStream in = open(jobId, name)) {
      return in.transferTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The artifact's bytes as a stream, to be closed by the caller.
   *
   * @throws NotFoundException no such job or artifact
   */
  public InputStream open(String jobId, String name) {
    HttpRequest r = t.request(path(jobId) + "/" + Transport.seg(name), TRANSFER).GET().build();
    HttpResponse<InputStream> answer = t.send(r, Replay.ANY_FAILURE);
    return answer.body();
  }

  private Artifact put(
      String jobId,
      String leaseToken,
      String name,
      String contentType,
      HttpRequest.BodyPublisher body,
      Replay replay) {
    HttpRequest.Builder b =
        t.request(path(jobId) + "/" + Transport.seg(name), TRANSFER)
            .header("Accept", "application/json")
            .header("Content-Type", contentType == null ? "application/octet-stream" : contentType)
            .PUT(body);
    if (leaseToken != null) {
      b.header("Docket-Lease-Token", leaseToken);
    }
    try (InputStream in = t.send(b.build(), replay).body()) {
      return Json.MAPPER.readValue(in, Artifact.class);
    } catch (IOException e) {
      throw new DocketUnreachableException("reading the answer to an upload", e);
    }
  }

  private static String path(String jobId) {
    return "v1/jobs/" + Transport.seg(jobId) + "/artifacts";
  }

  /** The caller's stream, which the HTTP client must not close. */
  private static final class Unclosed extends java.io.FilterInputStream {
    Unclosed(InputStream in) {
      super(in);
    }

    @Override
    public void close() {
      // the caller owns the stream
    }
  }
}

package dev.docket.adapter.http.artifacts;

import dev.docket.adapter.http.auth.Auth;
import dev.docket.adapter.http.problem.BodyTooLargeException;
import dev.docket.adapter.http.wire.LimitedInputStream;
import dev.docket.adapter.http.wire.Params;
import dev.docket.adapter.http.wire.Replies;
import dev.docket.domain.Artifact;
import dev.docket.ports.usecase.ArtifactService;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

/**
 * Artifacts: uploads stream from the request into the store and downloads stream from the store
 * into the response, so no artifact is ever held whole in memory.
 */
public final class ArtifactsHandler {
  static final String TOKEN_HEADER = "Docket-Lease-Token";

  private final ArtifactService artifacts;
  private final Replies replies;
  private final long limit;

  public ArtifactsHandler(ArtifactService artifacts, Replies replies, long limit) {
    this.artifacts = artifacts;
    this.replies = replies;
    this.limit = limit;
  }

  public void put(Context ctx) throws IOException {
    if (ctx.req().getContentLengthLong() > limit) {
      throw new BodyTooLargeException(limit);
    }
    String token = Params.string(ctx, "lease_token");
    if (token == null) {
      token = ctx.header(TOKEN_HEADER);
    }
    try (InputStream data = new LimitedInputStream(ctx.req().getInputStream(), limit)) {
      Artifact a =
          artifacts.put(
              Auth.actor(ctx),
              Params.jobId(ctx),
              Params.path(ctx, "name"),
              ctx.header("Content-Type"),
              token,
              data);
      replies.json(ctx, 201, ArtifactView.of(a));
    }
  }

  public void list(Context ctx) throws IOException {
    replies.ok(
        ctx,
        new ArtifactList(ArtifactView.all(artifacts.list(Auth.actor(ctx), Params.jobId(ctx)))));
  }

  public void get(Context ctx) throws IOException {
    UUID id = Params.jobId(ctx);
    Artifact a = artifacts.find(Auth.actor(ctx), id, Params.path(ctx, "name"));
    String etag = "\"" + a.sha256() + "\"";
    HttpServletResponse res = ctx.res();
    res.setHeader("ETag", etag);
    if (etag.equals(ctx.header("If-None-Match"))) {
      res.setStatus(304);
      return;
    }
    res.setStatus(200);
    try {
      res.setContentType(a.contentType());
    } catch (IllegalArgumentException unknownCharset) {
      // stored as the uploader sent it; the servlet API refuses a charset the JVM does not know
      res.setContentType("application/octet-stream");
    }
    res.setContentLengthLong(a.size());
    artifacts.copyTo(id, a.name(), res.getOutputStream());
  }
}

package dev.docket.adapter.http.webhooks;

import dev.docket.adapter.http.auth.Auth;
import dev.docket.adapter.http.wire.Params;
import dev.docket.adapter.http.wire.Replies;
import dev.docket.ports.usecase.WebhookService;
import io.javalin.http.Context;
import java.io.IOException;

/** {@code /v1/jobs/{id}/webhooks}: a job's webhook deliveries, for its owner and admins. */
public final class WebhooksHandler {
  private final WebhookService webhooks;
  private final Replies replies;

  public WebhooksHandler(WebhookService webhooks, Replies replies) {
    this.webhooks = webhooks;
    this.replies = replies;
  }

  public void list(Context ctx) throws IOException {
    replies.ok(
        ctx,
        new WebhookDeliveryList(
            webhooks.list(Auth.actor(ctx), Params.jobId(ctx)).stream()
                .map(WebhookDeliveryView::of)
                .toList()));
  }
}

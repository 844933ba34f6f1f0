package dev.docket.adapter.http;

import dev.docket.ports.usecase.WebhookService;
import io.javalin.http.Context;
import java.io.IOException;

/** {@code /v1/jobs/{id}/webhooks}: a job's webhook deliveries, for its owner and admins. */
final class WebhooksHandler {
  private final WebhookService webhooks;
  private final Replies replies;

  WebhooksHandler(WebhookService webhooks, Replies replies) {
    this.webhooks = webhooks;
    this.replies = replies;
  }

  void list(Context ctx) throws IOException {
    replies.ok(
        ctx,
        new WebhookDeliveryList(
            webhooks.list(Auth.actor(ctx), Params.jobId(ctx)).stream()
                .map(WebhookDeliveryView::of)
                .toList()));
  }
}

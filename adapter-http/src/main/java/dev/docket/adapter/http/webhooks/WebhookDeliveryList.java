package dev.docket.adapter.http.webhooks;

import java.util.List;

/** {@code {"deliveries": [...]}}, newest first. */
record WebhookDeliveryList(List<WebhookDeliveryView> deliveries) {}

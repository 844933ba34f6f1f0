package dev.docket.ports;

import dev.docket.domain.WebhookDelivery;
import java.util.Objects;

/** A delivery handed to one sender, with the token that fences its outcome. */
public record WebhookClaim(WebhookDelivery delivery, String token) {
  public WebhookClaim {
    Objects.requireNonNull(delivery, "delivery");
    Objects.requireNonNull(token, "token");
  }
}

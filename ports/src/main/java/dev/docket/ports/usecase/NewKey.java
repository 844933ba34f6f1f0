package dev.docket.ports.usecase;

import dev.docket.domain.ApiKey;

/** A key just made: the stored record and the secret, which is shown this once only. */
public record NewKey(ApiKey key, String secret) {}

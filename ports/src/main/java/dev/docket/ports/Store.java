package dev.docket.ports;

import dev.docket.ports.transfer.StoreTransfer;

/**
 * Everything one backend provides, opened and migrated. {@code app} picks one by the {@code --db}
 * setting; an embedding application can build one from an adapter directly.
 */
public interface Store extends AutoCloseable {
  JobRepository jobs();

  EventRepository events();

  ArtifactStore artifacts();

  UserRepository users();

  ApiKeyRepository keys();

  AuditLog audit();

  /**
   * The webhook outbox. Every store that keeps jobs keeps their deliveries; the default is only for
   * stores built before webhooks existed.
   */
  default WebhookOutbox webhooks() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no webhooks");
  }

  /** The signals of this backend; in-process unless the backend can cross processes. */
  JobSignals signals();

  /**
   * Whole-store export and import (every table, streamed), for moving a store between backends.
   *
   * @throws UnsupportedOperationException when this store cannot (e.g. a decorator)
   */
  default StoreTransfer transfer() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot transfer");
  }

  /** Whether the store answers now (for readiness). */
  boolean ping();

  @Override
  void close();
}

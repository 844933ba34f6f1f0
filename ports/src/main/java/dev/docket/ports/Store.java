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

  /** The webhook outbox: every store that keeps jobs keeps their deliveries. */
  WebhookOutbox webhooks();

  /** The signals of this backend; in-process unless the backend can cross processes. */
  JobSignals signals();

  /**
   * Whole-store export and import (every table, streamed), for moving a store between backends. A
   * decorator forwards it.
   */
  StoreTransfer transfer();

  /** Whether the store answers now (for readiness). */
  boolean ping();

  @Override
  void close();
}

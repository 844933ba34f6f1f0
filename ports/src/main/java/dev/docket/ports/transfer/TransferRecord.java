package dev.docket.ports.transfer;

import dev.docket.domain.ApiKey;
import dev.docket.domain.Artifact;
import dev.docket.domain.AuditEntry;
import dev.docket.domain.Job;
import dev.docket.domain.JobEvent;
import dev.docket.domain.User;
import dev.docket.domain.WebhookDelivery;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * One row of a store as a whole-store transfer moves it: every column, so that a copy is the same
 * store (ids, times, versions and event seqs included). An artifact travels as its metadata record
 * followed by one record per chunk of its bytes, in chunk order, so that no artifact is ever held
 * in memory whole.
 */
public sealed interface TransferRecord {

  /** The table this record is a row of. */
  TransferTable table();

  /** How messages name the row, e.g. {@code job 0190…} or {@code chunk 3 of artifact 0190…/log}. */
  default String label() {
    return switch (this) {
      case UserRow u -> "user " + u.user().id() + " (" + u.user().email() + ")";
      case KeyRow k -> "api key " + k.key().id();
      case JobRow j -> "job " + j.job().id();
      case EventRow e -> "event " + e.event().seq() + " of job " + e.event().jobId();
      case ArtifactRow a -> "artifact " + a.artifact().jobId() + "/" + a.artifact().name();
      case ChunkRow c -> "chunk " + c.chunkNo() + " of artifact " + c.jobId() + "/" + c.name();
      case AuditRow a -> "audit entry " + a.entry().id();
      case WebhookRow w -> "webhook delivery " + w.delivery().id();
      case SettingRow s -> "setting " + s.name();
    };
  }

  /** A user. */
  record UserRow(User user) implements TransferRecord {
    public UserRow {
      Objects.requireNonNull(user, "user");
    }

    @Override
    public TransferTable table() {
      return TransferTable.USERS;
    }
  }

  /** An API key, with only the hash of its secret (the secret itself is never stored). */
  record KeyRow(ApiKey key) implements TransferRecord {
    public KeyRow {
      Objects.requireNonNull(key, "key");
    }

    @Override
    public TransferTable table() {
      return TransferTable.API_KEYS;
    }
  }

  /**
   * A job with the fingerprint of the request that created it (null when none was kept), which
   * idempotent replays compare against.
   */
  record JobRow(Job job, String requestHash) implements TransferRecord {
    public JobRow {
      Objects.requireNonNull(job, "job");
    }

    @Override
    public TransferTable table() {
      return TransferTable.JOBS;
    }
  }

  /** One event of a job's log. */
  record EventRow(JobEvent event) implements TransferRecord {
    public EventRow {
      Objects.requireNonNull(event, "event");
    }

    @Override
    public TransferTable table() {
      return TransferTable.JOB_EVENTS;
    }
  }

  /** An artifact's metadata; its {@link ChunkRow}s follow it. */
  record ArtifactRow(Artifact artifact) implements TransferRecord {
    public ArtifactRow {
      Objects.requireNonNull(artifact, "artifact");
    }

    @Override
    public TransferTable table() {
      return TransferTable.ARTIFACTS;
    }
  }

  /**
   * Chunk {@code chunkNo} (from 0) of the bytes of artifact {@code name} of job {@code jobId}.
   * Equality compares the bytes.
   */
  record ChunkRow(UUID jobId, String name, int chunkNo, byte[] data) implements TransferRecord {
    public ChunkRow {
      Objects.requireNonNull(jobId, "jobId");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(data, "data");
      if (chunkNo < 0) {
        throw new IllegalArgumentException("chunkNo must be >= 0");
      }
    }

    @Override
    public TransferTable table() {
      return TransferTable.ARTIFACT_CHUNKS;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ChunkRow c
          && jobId.equals(c.jobId)
          && name.equals(c.name)
          && chunkNo == c.chunkNo
          && Arrays.equals(data, c.data);
    }

    @Override
    public int hashCode() {
      return Objects.hash(jobId, name, chunkNo, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
      String head = HexFormat.of().formatHex(data, 0, Math.min(8, data.length));
      return "ChunkRow["
          + jobId
          + "/"
          + name
          + " #"
          + chunkNo
          + ", "
          + data.length
          + " bytes "
          + head
          + "…]";
    }
  }

  /** An audit trail entry. */
  record AuditRow(AuditEntry entry) implements TransferRecord {
    public AuditRow {
      Objects.requireNonNull(entry, "entry");
    }

    @Override
    public TransferTable table() {
      return TransferTable.AUDIT_LOG;
    }
  }

  /**
   * A webhook delivery with the lease of an attempt in flight ({@code leaseToken} and {@code
   * leaseExpiresAt} both null when none), so that a copy taken while a sender works on it does not
   * hand it to a second sender before the lease runs out.
   */
  record WebhookRow(WebhookDelivery delivery, String leaseToken, Instant leaseExpiresAt)
      implements TransferRecord {
    public WebhookRow {
      Objects.requireNonNull(delivery, "delivery");
      leaseExpiresAt =
          leaseExpiresAt == null ? null : leaseExpiresAt.truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public TransferTable table() {
      return TransferTable.WEBHOOK_DELIVERIES;
    }
  }

  /**
   * A server-wide setting shared by every process on the store, such as the webhook signing secret
   * (which receivers verify signatures with, so a moved store must keep it).
   */
  record SettingRow(String name, String value) implements TransferRecord {
    public SettingRow {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public TransferTable table() {
      return TransferTable.SETTINGS;
    }
  }
}

-- Docket schema, PostgreSQL dialect. Same logical schema as the SQLite V1.
-- Ids are native uuid (UUIDv7). Instants are timestamptz. JSON documents are json, not jsonb:
-- json keeps the caller's exact text (key order, spacing), as SQLite's text does, so documents
-- round-trip byte for byte on both stores. Chunk bytes are bytea. Other strings are unbounded
-- VARCHAR (the same as TEXT in Postgres): jOOQ's H2-backed DDL parser reads TEXT as CLOB, which
-- it cannot index.
-- jOOQ generates its classes from this file (DDLDatabase), so keep it parseable by jOOQ or
-- fence Postgres-only statements in [jooq ignore start] / [jooq ignore stop].

CREATE TABLE users (
    id          UUID         NOT NULL PRIMARY KEY,
    name        VARCHAR      NOT NULL,
    email       VARCHAR      NOT NULL,
    roles       VARCHAR      NOT NULL,            -- comma-separated role names
    active      BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at  TIMESTAMPTZ  NOT NULL,
    CONSTRAINT users_email_key UNIQUE (email)
);

CREATE TABLE api_keys (
    id            UUID         NOT NULL PRIMARY KEY,
    user_id       UUID         NOT NULL REFERENCES users (id),
    name          VARCHAR      NOT NULL,
    key_hash      VARCHAR      NOT NULL,
    key_prefix    VARCHAR      NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    last_used_at  TIMESTAMPTZ,
    expires_at    TIMESTAMPTZ,
    revoked_at    TIMESTAMPTZ,
    CONSTRAINT api_keys_key_hash_key UNIQUE (key_hash)
);

CREATE INDEX api_keys_user_idx ON api_keys (user_id);

CREATE TABLE jobs (
    id                UUID              NOT NULL PRIMARY KEY,
    owner_id          UUID              NOT NULL,
    queue             VARCHAR           NOT NULL,
    kind              VARCHAR           NOT NULL,
    status            VARCHAR           NOT NULL,
    payload           JSON              NOT NULL,
    metadata          JSON              NOT NULL,
    result            JSON,
    error             VARCHAR,
    priority          INTEGER           NOT NULL DEFAULT 0,
    attempt           INTEGER           NOT NULL DEFAULT 0,
    max_attempts      INTEGER           NOT NULL,
    run_at            TIMESTAMPTZ       NOT NULL,
    created_at        TIMESTAMPTZ       NOT NULL,
    updated_at        TIMESTAMPTZ       NOT NULL,
    started_at        TIMESTAMPTZ,
    finished_at       TIMESTAMPTZ,
    progress          DOUBLE PRECISION  NOT NULL DEFAULT 0,
    worker_id         VARCHAR,
    leased_by         UUID,
    lease_token       VARCHAR,
    lease_expires_at  TIMESTAMPTZ,
    idempotency_key   VARCHAR,
    request_hash      VARCHAR,
    webhook_url       VARCHAR,
    event_count       BIGINT            NOT NULL DEFAULT 0,
    version           BIGINT            NOT NULL DEFAULT 0,
    CONSTRAINT jobs_owner_idempotency_key UNIQUE (owner_id, idempotency_key)
);

-- claim: queued jobs of a queue in claim order (priority DESC, run_at, id); lease rescue: running
-- jobs by lease expiry; pruning: finished jobs, oldest first. Partial, so each holds only the jobs
-- its query wants; the adapter writes the status in those queries as a literal, so that generic
-- plans of prepared statements can use them too. jOOQ's parser cannot read partial indexes,
-- hence the fence.
-- [jooq ignore start]
CREATE INDEX jobs_claim_idx ON jobs (queue, priority DESC, run_at, id) WHERE status = 'queued';
CREATE INDEX jobs_lease_idx ON jobs (lease_expires_at) WHERE status = 'running';
CREATE INDEX jobs_finished_idx ON jobs (finished_at) WHERE finished_at IS NOT NULL;
-- [jooq ignore stop]
-- listing, newest first (id DESC), keyset-paged by id: by owner, by status (the primary key
-- serves the unfiltered list)
CREATE INDEX jobs_owner_id_idx ON jobs (owner_id, id);
CREATE INDEX jobs_status_id_idx ON jobs (status, id);

CREATE TABLE job_events (
    job_id  UUID         NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    seq     BIGINT       NOT NULL,
    type    VARCHAR      NOT NULL,
    data    JSON         NOT NULL,
    at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (job_id, seq)
);

-- An artifact's bytes are chunks of one blob. Uploads stream their chunks under a fresh blob_id
-- in several short transactions, then one transaction publishes the artifact row pointing at it,
-- so chunks have no foreign key; the adapter deletes a blob's chunks with its artifact.
CREATE TABLE artifacts (
    job_id        UUID         NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    name          VARCHAR      NOT NULL,
    content_type  VARCHAR      NOT NULL,
    size          BIGINT       NOT NULL,
    sha256        VARCHAR      NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    blob_id       UUID         NOT NULL,
    PRIMARY KEY (job_id, name)
);

CREATE TABLE artifact_chunks (
    blob_id   UUID     NOT NULL,
    chunk_no  INTEGER  NOT NULL,
    data      BYTEA    NOT NULL,
    PRIMARY KEY (blob_id, chunk_no)
);

CREATE TABLE audit_log (
    id           UUID         NOT NULL PRIMARY KEY,
    at           TIMESTAMPTZ  NOT NULL,
    actor_id     VARCHAR,
    action       VARCHAR      NOT NULL,
    resource     VARCHAR      NOT NULL,
    resource_id  VARCHAR,
    details      JSON         NOT NULL,
    remote_addr  VARCHAR
);

CREATE INDEX audit_log_at_idx ON audit_log (at);

CREATE TABLE webhook_deliveries (
    id                UUID         NOT NULL PRIMARY KEY,
    job_id            UUID         NOT NULL,   -- no FK: a pending delivery may outlive a pruned job
    event             VARCHAR      NOT NULL,
    payload           JSON         NOT NULL,
    status            VARCHAR      NOT NULL,
    attempts          INTEGER      NOT NULL DEFAULT 0,
    last_status_code  INTEGER,
    last_error        VARCHAR,
    next_attempt_at   TIMESTAMPTZ  NOT NULL,
    delivered_at      TIMESTAMPTZ,
    created_at        TIMESTAMPTZ  NOT NULL
);

CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (status, next_attempt_at);

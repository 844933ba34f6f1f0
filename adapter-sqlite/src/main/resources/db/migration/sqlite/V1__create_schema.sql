-- Docket schema, SQLite dialect.
-- Ids are UUIDv7 strings. Instants are BIGINT epoch milliseconds (UTC), so they sort and compare
-- as numbers; BIGINT rather than INTEGER so jOOQ generates Long. JSON documents are strings.
-- Strings are unbounded VARCHAR (TEXT affinity in SQLite): jOOQ's H2-backed DDL parser reads
-- TEXT as CLOB, which it cannot index.
-- jOOQ generates its classes from this file (DDLDatabase), so keep it parseable by jOOQ or
-- fence SQLite-only statements in [jooq ignore start] / [jooq ignore stop].

CREATE TABLE users (
    id          VARCHAR  NOT NULL PRIMARY KEY,
    name        VARCHAR  NOT NULL,
    email       VARCHAR  NOT NULL,
    roles       VARCHAR  NOT NULL,            -- comma-separated role names
    active      BOOLEAN  NOT NULL DEFAULT TRUE,
    created_at  BIGINT   NOT NULL,
    CONSTRAINT users_email_key UNIQUE (email)
);

CREATE TABLE api_keys (
    id            VARCHAR  NOT NULL PRIMARY KEY,
    user_id       VARCHAR  NOT NULL REFERENCES users (id),
    name          VARCHAR  NOT NULL,
    key_hash      VARCHAR  NOT NULL,
    key_prefix    VARCHAR  NOT NULL,
    created_at    BIGINT   NOT NULL,
    last_used_at  BIGINT,
    expires_at    BIGINT,
    revoked_at    BIGINT,
    CONSTRAINT api_keys_key_hash_key UNIQUE (key_hash)
);

CREATE INDEX api_keys_user_idx ON api_keys (user_id);

CREATE TABLE jobs (
    id                VARCHAR           NOT NULL PRIMARY KEY,
    owner_id          VARCHAR           NOT NULL,
    queue             VARCHAR           NOT NULL,
    kind              VARCHAR           NOT NULL,
    status            VARCHAR           NOT NULL,
    payload           VARCHAR           NOT NULL,   -- JSON
    metadata          VARCHAR           NOT NULL,   -- JSON object
    result            VARCHAR           ,                        -- JSON
    error             VARCHAR,
    priority          INTEGER           NOT NULL DEFAULT 0,
    attempt           INTEGER           NOT NULL DEFAULT 0,
    max_attempts      INTEGER           NOT NULL,
    run_at            BIGINT            NOT NULL,
    created_at        BIGINT            NOT NULL,
    updated_at        BIGINT            NOT NULL,
    started_at        BIGINT,
    finished_at       BIGINT,
    progress          DOUBLE PRECISION  NOT NULL DEFAULT 0,
    worker_id         VARCHAR,
    leased_by         VARCHAR,
    lease_token       VARCHAR,
    lease_expires_at  BIGINT,
    idempotency_key   VARCHAR,
    request_hash      VARCHAR,
    webhook_url       VARCHAR,
    event_count       BIGINT            NOT NULL DEFAULT 0,
    version           BIGINT            NOT NULL DEFAULT 0,
    CONSTRAINT jobs_owner_idempotency_key UNIQUE (owner_id, idempotency_key)
);

-- claim: queued jobs of a queue in claim order (priority DESC, run_at, id). Partial, so it only
-- holds queued jobs; queries must spell status = 'queued' as a literal for SQLite to use it.
CREATE INDEX jobs_claim_idx ON jobs (queue, priority DESC, run_at, id) WHERE status = 'queued';
-- lease rescue: running jobs by lease expiry (partial: only running jobs)
CREATE INDEX jobs_lease_idx ON jobs (lease_expires_at) WHERE status = 'running';
-- listing, newest first (id DESC), keyset-paged by id: by owner, by status (the primary key
-- serves the unfiltered list)
CREATE INDEX jobs_owner_id_idx ON jobs (owner_id, id);
CREATE INDEX jobs_status_id_idx ON jobs (status, id);
-- pruning finished jobs, oldest first (partial: only jobs that finished)
CREATE INDEX jobs_finished_idx ON jobs (finished_at) WHERE finished_at IS NOT NULL;

CREATE TABLE job_events (
    job_id  VARCHAR  NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    seq     BIGINT   NOT NULL,
    type    VARCHAR  NOT NULL,
    data    VARCHAR  NOT NULL,   -- JSON
    at      BIGINT   NOT NULL,
    PRIMARY KEY (job_id, seq)
);

-- An artifact's bytes are chunks of one blob. Uploads stream their chunks under a fresh blob_id
-- in several short transactions, then one transaction publishes the artifact row pointing at it,
-- so chunks have no foreign key; the adapter deletes a blob's chunks with its artifact.
CREATE TABLE artifacts (
    job_id        VARCHAR  NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    name          VARCHAR  NOT NULL,
    content_type  VARCHAR  NOT NULL,
    size          BIGINT   NOT NULL,
    sha256        VARCHAR  NOT NULL,
    created_at    BIGINT   NOT NULL,
    blob_id       VARCHAR  NOT NULL,
    PRIMARY KEY (job_id, name)
);

CREATE TABLE artifact_chunks (
    blob_id   VARCHAR  NOT NULL,
    chunk_no  INTEGER  NOT NULL,
    data      BLOB     NOT NULL,
    PRIMARY KEY (blob_id, chunk_no)
);

CREATE TABLE audit_log (
    id           VARCHAR  NOT NULL PRIMARY KEY,
    at           BIGINT   NOT NULL,
    actor_id     VARCHAR,
    action       VARCHAR  NOT NULL,
    resource     VARCHAR  NOT NULL,
    resource_id  VARCHAR,
    details      VARCHAR  NOT NULL,   -- JSON object
    remote_addr  VARCHAR
);

CREATE INDEX audit_log_at_idx ON audit_log (at);

CREATE TABLE webhook_deliveries (
    id                VARCHAR  NOT NULL PRIMARY KEY,
    job_id            VARCHAR  NOT NULL,   -- no FK: a pending delivery may outlive a pruned job
    event             VARCHAR  NOT NULL,
    payload           VARCHAR  NOT NULL,   -- JSON
    status            VARCHAR  NOT NULL,
    attempts          INTEGER  NOT NULL DEFAULT 0,
    last_status_code  INTEGER,
    last_error        VARCHAR,
    next_attempt_at   BIGINT   NOT NULL,
    delivered_at      BIGINT,
    created_at        BIGINT   NOT NULL
);

CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (status, next_attempt_at);

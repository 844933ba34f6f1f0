-- Webhook outbox, as the sender needs it (the same change as SQLite's V2).
-- url: copied from the job, so a delivery still goes out after its job was deleted or pruned.
-- seq: the seq of the status event that owes the delivery; a job's deliveries go out in seq order.
-- lease_token, lease_expires_at: an attempt in flight. Claims lock due rows FOR UPDATE SKIP LOCKED
-- and write a short lease, so several server instances never send one delivery at once, and an
-- instance that died mid-attempt is taken over when its lease runs out.
ALTER TABLE webhook_deliveries ADD COLUMN url VARCHAR NOT NULL DEFAULT '';
ALTER TABLE webhook_deliveries ADD COLUMN seq BIGINT NOT NULL DEFAULT 0;
ALTER TABLE webhook_deliveries ADD COLUMN lease_token VARCHAR;
ALTER TABLE webhook_deliveries ADD COLUMN lease_expires_at TIMESTAMPTZ;

-- "is an earlier delivery of this job still pending?" and listing a job's deliveries
CREATE INDEX webhook_deliveries_job_idx ON webhook_deliveries (job_id, seq);

-- server-wide settings shared by every instance on the database (the webhook signing secret)
CREATE TABLE settings (
    name   VARCHAR  NOT NULL PRIMARY KEY,
    value  VARCHAR  NOT NULL
);

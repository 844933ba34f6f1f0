-- Failed authentications count into one row per remote address and minute (the same change as
-- SQLite's V3). coalesce_key names the row a repeat counts into; NULL for every other entry
-- (a unique index allows any number of NULLs). The count is in the row's details.
ALTER TABLE audit_log ADD COLUMN coalesce_key VARCHAR;

CREATE UNIQUE INDEX audit_log_coalesce_key_idx ON audit_log (coalesce_key);

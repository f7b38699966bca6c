-- Instances indexed while their blob's commit (fsync) was still running: the index transaction and the storage commit
-- run side by side, and an instance is acknowledged only after both finished. A row is written in the transaction that
-- indexes the instance and deleted once the blob is known durable; rows left by a crash are checked on the next start
-- (blob present with its recorded size and SHA-256 → row deleted; otherwise the instance, never acknowledged, is withdrawn).
CREATE TABLE archive_ingest_intents (
    blob_key TEXT NOT NULL PRIMARY KEY,
    clinic_id TEXT NOT NULL,
    sop_instance_uid TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

-- Storage:Replication = Queued: copies not yet made on a storage site. A row is written in the transaction that indexes
-- the instance (so the queue is exactly as durable as the index) and in the one that removes it (study deletion and
-- retention delete the study's rows). The replicator copies the object from a site holding a good copy, verifies the
-- SHA-256 of what it wrote, then deletes the row; a failed attempt counts, keeps its error and waits next_attempt_at.
CREATE TABLE archive_replication_queue (
    blob_key TEXT NOT NULL,
    site TEXT NOT NULL,
    clinic_id TEXT NOT NULL,
    sop_instance_uid TEXT NOT NULL,
    blob_length BIGINT NOT NULL,
    blob_sha256 TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    last_error TEXT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (blob_key, site)
);
CREATE INDEX ix_archive_replication_queue_due ON archive_replication_queue (next_attempt_at);
CREATE INDEX ix_archive_replication_queue_created ON archive_replication_queue (created_at);

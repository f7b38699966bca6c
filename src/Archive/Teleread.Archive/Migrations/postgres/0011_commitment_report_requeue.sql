-- When an operator put a failed Storage Commitment report back in the queue: its age limit counts from then.
ALTER TABLE archive_commitment_reports ADD COLUMN requeued_at BIGINT NULL;

-- Storage Commitment reports (N-EVENT-REPORT) not yet delivered to the requesting clinic's node: the outbox the
-- server's sender works through with backoff. A delivered report's row is deleted; one given up on stays as 'failed'.
-- The report data set holds only UIDs (transaction, SOP class and instance) and failure reasons, as DICOM JSON.
CREATE TABLE archive_commitment_reports (
    id TEXT PRIMARY KEY,
    clinic_id TEXT NOT NULL,
    calling_ae TEXT NOT NULL,
    transaction_uid TEXT NOT NULL,
    event_type_id INTEGER NOT NULL,
    event_information TEXT NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    last_error TEXT NULL,
    created_at BIGINT NOT NULL,
    failed_at BIGINT NULL
);
CREATE INDEX ix_archive_commitment_reports_due ON archive_commitment_reports (state, next_attempt_at);

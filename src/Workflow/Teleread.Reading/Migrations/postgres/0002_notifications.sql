CREATE TABLE reading_notifications (
    id TEXT PRIMARY KEY,
    request_id TEXT NOT NULL REFERENCES reading_requests(id),
    clinic_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    audience TEXT NOT NULL,
    radiologist_id TEXT NULL,
    at BIGINT NOT NULL,
    message TEXT NOT NULL,
    acknowledged_at BIGINT NULL,
    acknowledged_by TEXT NULL,
    webhook_sent_at BIGINT NULL
);
CREATE INDEX ix_reading_notifications_inbox ON reading_notifications(audience, radiologist_id, acknowledged_at, at);
CREATE INDEX ix_reading_notifications_request ON reading_notifications(request_id, kind);
CREATE INDEX ix_reading_notifications_webhook ON reading_notifications(webhook_sent_at, at);

CREATE TABLE reading_requests (
    id TEXT PRIMARY KEY,
    clinic_id TEXT NOT NULL,
    patient_id TEXT NOT NULL,
    study_reference TEXT NOT NULL,
    priority TEXT NOT NULL,
    modality TEXT NOT NULL,
    state TEXT NOT NULL,
    assigned_radiologist_id TEXT NULL,
    second_reader_id TEXT NULL,
    received_at BIGINT NOT NULL,
    deadline BIGINT NOT NULL,
    last_image_at BIGINT NOT NULL,
    version BIGINT NOT NULL,
    idempotency_key TEXT NULL,
    document TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_reading_requests_idempotency ON reading_requests(clinic_id, idempotency_key);
CREATE INDEX ix_reading_requests_patient ON reading_requests(clinic_id, patient_id);
CREATE INDEX ix_reading_requests_state ON reading_requests(state, deadline);
CREATE INDEX ix_reading_requests_clinic ON reading_requests(clinic_id, received_at);
CREATE INDEX ix_reading_requests_radiologist ON reading_requests(assigned_radiologist_id, state);
CREATE INDEX ix_reading_requests_second_reader ON reading_requests(second_reader_id, state);
CREATE INDEX ix_reading_requests_study ON reading_requests(clinic_id, study_reference);
CREATE TABLE reading_transitions (
    request_id TEXT NOT NULL REFERENCES reading_requests(id),
    sequence BIGINT NOT NULL,
    from_state TEXT NOT NULL,
    command TEXT NOT NULL,
    to_state TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    actor_role TEXT NOT NULL,
    at BIGINT NOT NULL,
    reason TEXT NOT NULL,
    radiologist_id TEXT NULL,
    PRIMARY KEY (request_id, sequence)
);
CREATE TABLE reading_radiologists (
    id TEXT PRIMARY KEY,
    document TEXT NOT NULL
);
CREATE TABLE reading_clinics (
    id TEXT PRIMARY KEY,
    document TEXT NOT NULL
);
CREATE TABLE reading_escalation_timers (
    id TEXT PRIMARY KEY,
    request_id TEXT NOT NULL REFERENCES reading_requests(id),
    step TEXT NOT NULL,
    due_at BIGINT NOT NULL,
    lease_owner TEXT NULL,
    lease_until BIGINT NULL,
    processed_at BIGINT NULL,
    outcome TEXT NULL
);
CREATE INDEX ix_reading_transitions_at ON reading_transitions(at, command);
CREATE INDEX ix_reading_escalation_timers_due ON reading_escalation_timers(processed_at, due_at);
CREATE TABLE reading_alerts (
    id TEXT PRIMARY KEY,
    request_id TEXT NOT NULL REFERENCES reading_requests(id),
    clinic_id TEXT NOT NULL,
    at BIGINT NOT NULL,
    step TEXT NOT NULL,
    action TEXT NOT NULL,
    message TEXT NOT NULL
);
CREATE INDEX ix_reading_alerts_at ON reading_alerts(at);

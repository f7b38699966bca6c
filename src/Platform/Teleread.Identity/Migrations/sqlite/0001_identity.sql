CREATE TABLE clinics (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE TABLE clinic_ae_titles (
    ae_title TEXT PRIMARY KEY,
    clinic_id TEXT NOT NULL REFERENCES clinics(id)
);
CREATE TABLE users (
    id TEXT PRIMARY KEY,
    login TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    clinic_id TEXT NULL REFERENCES clinics(id),
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
);
CREATE TABLE radiologist_profiles (
    user_id TEXT PRIMARY KEY REFERENCES users(id),
    board_certification TEXT NOT NULL,
    years_of_experience INTEGER NOT NULL,
    subspecialties TEXT NOT NULL,
    modalities TEXT NOT NULL,
    languages TEXT NOT NULL,
    biography TEXT NOT NULL
);
CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY,
    clinic_id TEXT NULL REFERENCES clinics(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT NULL
);
CREATE TABLE audit_events (
    id TEXT PRIMARY KEY,
    at BIGINT NOT NULL,
    actor_user_id TEXT NULL,
    actor_clinic_id TEXT NULL,
    action TEXT NOT NULL,
    resource TEXT NOT NULL,
    outcome TEXT NOT NULL,
    remote_address TEXT NULL,
    detail TEXT NULL
);
CREATE INDEX ix_audit_events_at ON audit_events(at);
CREATE INDEX ix_audit_events_clinic ON audit_events(actor_clinic_id, at);

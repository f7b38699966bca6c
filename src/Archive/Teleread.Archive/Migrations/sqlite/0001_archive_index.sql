CREATE TABLE archive_studies (
    clinic_id TEXT NOT NULL,
    study_uid TEXT NOT NULL,
    patient_id TEXT NOT NULL,
    patient_name TEXT NOT NULL,
    pn_alphabetic TEXT NOT NULL,
    pn_ideographic TEXT NOT NULL,
    pn_phonetic TEXT NOT NULL,
    patient_birth_date TEXT NOT NULL,
    patient_sex TEXT NOT NULL,
    study_date TEXT NOT NULL,
    study_time TEXT NOT NULL,
    accession_number TEXT NOT NULL,
    study_id TEXT NOT NULL,
    study_description TEXT NOT NULL,
    referring_physician TEXT NOT NULL,
    modalities TEXT NOT NULL,
    character_set TEXT NOT NULL,
    series_count INTEGER NOT NULL,
    instance_count INTEGER NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (clinic_id, study_uid)
);
CREATE INDEX ix_archive_studies_date ON archive_studies (clinic_id, study_date, study_time);
CREATE INDEX ix_archive_studies_patient ON archive_studies (clinic_id, patient_id);
CREATE INDEX ix_archive_studies_pn_a ON archive_studies (clinic_id, pn_alphabetic);
CREATE INDEX ix_archive_studies_pn_i ON archive_studies (clinic_id, pn_ideographic);
CREATE INDEX ix_archive_studies_pn_p ON archive_studies (clinic_id, pn_phonetic);
CREATE INDEX ix_archive_studies_accession ON archive_studies (clinic_id, accession_number);
CREATE INDEX ix_archive_studies_updated ON archive_studies (updated_at);
CREATE TABLE archive_series (
    clinic_id TEXT NOT NULL,
    study_uid TEXT NOT NULL,
    series_uid TEXT NOT NULL,
    modality TEXT NOT NULL,
    series_number TEXT NOT NULL,
    series_description TEXT NOT NULL,
    body_part TEXT NOT NULL,
    instance_count INTEGER NOT NULL,
    PRIMARY KEY (clinic_id, series_uid)
);
CREATE INDEX ix_archive_series_study ON archive_series (clinic_id, study_uid);
CREATE TABLE archive_instances (
    clinic_id TEXT NOT NULL,
    study_uid TEXT NOT NULL,
    series_uid TEXT NOT NULL,
    sop_instance_uid TEXT NOT NULL,
    sop_class_uid TEXT NOT NULL,
    instance_number TEXT NOT NULL,
    rows_count INTEGER NOT NULL,
    columns_count INTEGER NOT NULL,
    bits_allocated INTEGER NOT NULL,
    number_of_frames INTEGER NOT NULL,
    transfer_syntax_uid TEXT NOT NULL,
    blob_key TEXT NOT NULL,
    blob_length BIGINT NOT NULL,
    blob_sha256 TEXT NOT NULL,
    origin TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (clinic_id, sop_instance_uid)
);
CREATE INDEX ix_archive_instances_series ON archive_instances (clinic_id, series_uid);
CREATE INDEX ix_archive_instances_study ON archive_instances (clinic_id, study_uid);

-- QIDO-RS and C-FIND match names, Patient ID and Accession Number by prefix (LIKE 'YAMA%'). PostgreSQL uses a b-tree for
-- LIKE only under the C collation or with text_pattern_ops, and databases are usually created with a locale collation
-- (C.UTF-8, en_US.UTF-8, ja_JP.UTF-8). text_pattern_ops indexes answer equality too, so they replace the plain ones.
-- Checked with EXPLAIN in tests/Teleread.Archive.Tests/Index/QueryPlanTests.cs.
DROP INDEX ix_archive_studies_patient;
DROP INDEX ix_archive_studies_pn_a;
DROP INDEX ix_archive_studies_pn_i;
DROP INDEX ix_archive_studies_pn_p;
DROP INDEX ix_archive_studies_accession;
CREATE INDEX ix_archive_studies_patient ON archive_studies (clinic_id, patient_id text_pattern_ops);
CREATE INDEX ix_archive_studies_pn_a ON archive_studies (clinic_id, pn_alphabetic text_pattern_ops);
CREATE INDEX ix_archive_studies_pn_i ON archive_studies (clinic_id, pn_ideographic text_pattern_ops);
CREATE INDEX ix_archive_studies_pn_p ON archive_studies (clinic_id, pn_phonetic text_pattern_ops);
CREATE INDEX ix_archive_studies_accession ON archive_studies (clinic_id, accession_number text_pattern_ops);

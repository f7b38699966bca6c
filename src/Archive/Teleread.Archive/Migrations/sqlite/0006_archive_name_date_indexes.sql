-- A name search within a date range ("YAMADA^TARO" in 2020, as a C-FIND from a modality often is) walked the clinic's
-- study-date index: SQLite's planner, without STAT4 histograms, rates a date range as more selective than a name. With the
-- study date after the name, each person-name index answers both terms and the planner picks them.
-- Checked with EXPLAIN QUERY PLAN in tests/Teleread.Archive.Tests/Index/QueryPlanContract.cs.
DROP INDEX ix_archive_studies_pn_a;
DROP INDEX ix_archive_studies_pn_i;
DROP INDEX ix_archive_studies_pn_p;
CREATE INDEX ix_archive_studies_pn_a ON archive_studies (clinic_id, pn_alphabetic, study_date);
CREATE INDEX ix_archive_studies_pn_i ON archive_studies (clinic_id, pn_ideographic, study_date);
CREATE INDEX ix_archive_studies_pn_p ON archive_studies (clinic_id, pn_phonetic, study_date);
-- Re-created indexes have no statistics, and PRAGMA optimize re-analyses a table only after it changed ten-fold:
-- without this the planner walked the date index for every name search (150 ms instead of 1 ms at 100,000 studies).
ANALYZE archive_studies;

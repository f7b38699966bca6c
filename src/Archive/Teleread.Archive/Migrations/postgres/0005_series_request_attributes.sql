-- Series-level QIDO-RS keys PS3.18 requires: Performed Procedure Step Start Date/Time and, from the first item of the
-- Request Attributes Sequence, Requested Procedure ID and Scheduled Procedure Step ID.
ALTER TABLE archive_series ADD COLUMN performed_start_date TEXT NOT NULL DEFAULT '';
ALTER TABLE archive_series ADD COLUMN performed_start_time TEXT NOT NULL DEFAULT '';
ALTER TABLE archive_series ADD COLUMN requested_procedure_id TEXT NOT NULL DEFAULT '';
ALTER TABLE archive_series ADD COLUMN scheduled_step_id TEXT NOT NULL DEFAULT '';

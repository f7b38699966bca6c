-- XXH3-64 of each instance's bytes, recorded at ingest next to its SHA-256: the check before serving (a twentieth of
-- SHA-256's CPU). Instances indexed before this column existed have NULL and are checked with SHA-256.
ALTER TABLE archive_instances ADD COLUMN blob_xxh3 TEXT;

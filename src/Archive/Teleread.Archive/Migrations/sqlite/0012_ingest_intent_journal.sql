-- A small object's bytes (up to 64 KiB), kept with its intent: ingest commits such an object to the storage sites
-- without waiting for their fsyncs and makes it durable here instead, in the index transaction's one commit. The files
-- are synced in batches a moment later and the row then deleted; after a crash, a site missing the object (or holding
-- a torn copy) gets it back from these bytes. NULL for larger objects, whose commit is durable on the sites.
ALTER TABLE archive_ingest_intents ADD COLUMN journal BLOB;

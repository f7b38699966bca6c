-- The request that stands for a study at a clinic: the first one filed for it, by the clinic or opened from its images.
-- Unique per clinic, so of many instances of one study arriving at once (several associations, several server
-- processes) exactly one opens a request, and a clinic's request racing the images is never doubled.
-- NULL for later requests of the same study (NULLs do not collide).
ALTER TABLE reading_requests ADD COLUMN study_holder TEXT NULL;
CREATE UNIQUE INDEX ux_reading_requests_study_holder ON reading_requests(clinic_id, study_holder);

-- Retention of a clinic's images (its contract): NULL years = keep forever. Existing and new clinics start at
-- 5 years, the period commonly required in Japan for diagnostic images.
ALTER TABLE clinics ADD COLUMN retention_years INTEGER NULL DEFAULT 5;
ALTER TABLE clinics ADD COLUMN retention_days INTEGER NOT NULL DEFAULT 0;

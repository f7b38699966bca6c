-- An Overdue notification is written once per case and inbox. A check before the insert (INSERT … WHERE NOT EXISTS) let two
-- workers on PostgreSQL (READ COMMITTED, several server processes) both see none and both write one; the unique index makes the
-- database decide (INSERT … ON CONFLICT DO NOTHING). Duplicates written before are merged first: the earliest stays, acknowledged
-- if any copy was.
UPDATE reading_notifications SET
    acknowledged_at = (SELECT MIN(d.acknowledged_at) FROM reading_notifications d WHERE d.request_id = reading_notifications.request_id
        AND d.kind = 'Overdue' AND d.audience = reading_notifications.audience
        AND COALESCE(d.radiologist_id, '') = COALESCE(reading_notifications.radiologist_id, '')),
    acknowledged_by = (SELECT MIN(d.acknowledged_by) FROM reading_notifications d WHERE d.request_id = reading_notifications.request_id
        AND d.kind = 'Overdue' AND d.audience = reading_notifications.audience
        AND COALESCE(d.radiologist_id, '') = COALESCE(reading_notifications.radiologist_id, ''))
WHERE kind = 'Overdue' AND acknowledged_at IS NULL;
DELETE FROM reading_notifications WHERE kind = 'Overdue' AND EXISTS (SELECT 1 FROM reading_notifications e
    WHERE e.request_id = reading_notifications.request_id AND e.kind = 'Overdue' AND e.audience = reading_notifications.audience
    AND COALESCE(e.radiologist_id, '') = COALESCE(reading_notifications.radiologist_id, '')
    AND (e.at < reading_notifications.at OR (e.at = reading_notifications.at AND e.id < reading_notifications.id)));
CREATE UNIQUE INDEX ux_reading_notifications_once ON reading_notifications(request_id, audience, (COALESCE(radiologist_id, ''))) WHERE kind = 'Overdue';

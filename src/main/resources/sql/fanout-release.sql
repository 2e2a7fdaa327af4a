-- Puts a claimed batch back as due when it could not be queued, so it is not skipped for an interval.
UPDATE exchange_connections
SET next_sync_at = now()
WHERE id = ANY(CAST(:#ids AS uuid[]))

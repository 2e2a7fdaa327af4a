-- Records a failed sync: status 'error' (retries exhausted) or 'disabled' (the key needs the
-- user's attention), a human last_error, one more consecutive failure, and the lease released.
-- Holdings are not touched.
WITH c AS (
    UPDATE exchange_connections
    SET status = :#status, last_error = :#error, consecutive_failures = consecutive_failures + 1,
        sync_lease_until = NULL, updated_at = now()
    WHERE id = CAST(:#connectionId AS uuid)
    RETURNING id
)
INSERT INTO sync_runs (connection_id, trigger, started_at, status, attempts, error)
SELECT id, :#trigger, CAST(:#startedAt AS timestamptz), 'failed', :#attempts, :#error FROM c

-- Marks the connection healthy, releases its lease and records the run.
WITH c AS (
    UPDATE exchange_connections
    SET status = 'active', last_sync_at = now(), last_error = NULL, consecutive_failures = 0,
        sync_lease_until = NULL, updated_at = now()
    WHERE id = CAST(:#connectionId AS uuid)
    RETURNING id
)
INSERT INTO sync_runs (connection_id, trigger, started_at, status, assets, attempts)
SELECT id, :#trigger, CAST(:#startedAt AS timestamptz), 'success', :#assets, :#attempts FROM c

-- Marks the connection healthy, releases its lease and records the run. A partial sync (a
-- secondary wallet failed) or a key that may trade leaves a warning in last_error; status stays 'active'.
WITH c AS (
    UPDATE exchange_connections
    SET status = 'active', last_sync_at = now(), last_error = COALESCE(CAST(:#warning AS text), key_warning),
        consecutive_failures = 0, sync_lease_until = NULL, updated_at = now()
    WHERE id = CAST(:#connectionId AS uuid)
    RETURNING id
)
INSERT INTO sync_runs (connection_id, trigger, started_at, status, assets, attempts, error)
SELECT id, :#trigger, CAST(:#startedAt AS timestamptz), 'success', :#assets, :#attempts, CAST(:#warning AS text) FROM c

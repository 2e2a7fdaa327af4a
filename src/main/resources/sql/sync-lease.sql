-- Takes the connection for one sync and returns what the worker needs. Nothing comes back when
-- the connection is gone, another worker holds an unexpired lease on it, or (for a scheduled
-- record delivered twice) it already synced after the fan-out claimed it. The lease is short and
-- names its holder (<instance>/<boot>/<exchange>); the heartbeat renews it while the sync runs
-- (sync.LeaseHandback).
UPDATE exchange_connections
SET sync_lease_until = now() + make_interval(secs => :#leaseSeconds), sync_lease_owner = :#leaseOwner,
    sync_requested_at = NULL
WHERE id = CAST(CAST(:#connectionId AS text) AS uuid)
  -- The same sync may take its own lease again: a retry after a database fault runs the whole sync once more.
  AND (sync_lease_until IS NULL OR sync_lease_until < now() OR sync_lease_owner = :#leaseOwner)
  AND (last_sync_at IS NULL OR last_sync_at < CAST(:#syncedBefore AS timestamptz))
RETURNING id, user_id, portfolio_id, exchange, api_key_encrypted, api_secret_encrypted, passphrase_encrypted

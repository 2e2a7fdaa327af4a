-- Claims up to :batchSize due connections and moves each one's next sync forward in the same
-- statement. SKIP LOCKED lets several fan-outs (threads or instances) run at once without ever
-- claiming a connection twice. Also claimed, whatever their schedule: a connection whose lease
-- expired (its sync died with its instance: a live one renews it; the dead lease is cleared), and
-- one whose requested sync has not started within :requestGraceSeconds (its queued request was
-- lost with an instance; the wait starts again, so a long queue is not claimed every tick).
UPDATE exchange_connections c
SET next_sync_at = now() + make_interval(secs => c.sync_interval),
    sync_lease_until = CASE WHEN c.sync_lease_until < now() THEN NULL ELSE c.sync_lease_until END,
    sync_requested_at = CASE WHEN c.sync_requested_at IS NULL THEN NULL ELSE now() END
FROM (SELECT id
      FROM exchange_connections
      WHERE status <> 'disabled'
        AND ((auto_sync AND next_sync_at <= now())
             OR sync_lease_until < now()
             OR (sync_requested_at < now() - make_interval(secs => :#requestGraceSeconds)
                 AND (sync_lease_until IS NULL OR sync_lease_until < now())))
      ORDER BY next_sync_at
      LIMIT :#batchSize
      FOR UPDATE SKIP LOCKED) due
WHERE c.id = due.id
RETURNING c.id, now() AS claimed_at

-- Claims up to :batchSize due connections and moves each one's next sync forward in the same
-- statement. SKIP LOCKED lets several fan-outs (threads or instances) run at once without ever
-- claiming a connection twice. A lease that expired belongs to a sync whose instance died (a live
-- one renews it): that connection is claimed too, and the dead lease cleared.
UPDATE exchange_connections c
SET next_sync_at = now() + make_interval(secs => c.sync_interval),
    sync_lease_until = CASE WHEN c.sync_lease_until < now() THEN NULL ELSE c.sync_lease_until END
FROM (SELECT id
      FROM exchange_connections
      WHERE status <> 'disabled'
        AND ((auto_sync AND next_sync_at <= now()) OR sync_lease_until < now())
      ORDER BY next_sync_at
      LIMIT :#batchSize
      FOR UPDATE SKIP LOCKED) due
WHERE c.id = due.id
RETURNING c.id, now() AS claimed_at

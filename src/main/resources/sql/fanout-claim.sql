-- Claims up to :batchSize due connections and moves each one's next sync forward in the same
-- statement. SKIP LOCKED lets several fan-outs (threads or instances) run at once without ever
-- claiming a connection twice.
UPDATE exchange_connections c
SET next_sync_at = now() + make_interval(secs => c.sync_interval)
FROM (SELECT id
      FROM exchange_connections
      WHERE auto_sync AND status <> 'disabled' AND next_sync_at <= now()
      ORDER BY next_sync_at
      LIMIT :#batchSize
      FOR UPDATE SKIP LOCKED) due
WHERE c.id = due.id
RETURNING c.id, now() AS claimed_at

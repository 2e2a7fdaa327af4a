-- A sync someone asked for (REST sync, sync-all) and that has not started yet. The request also travels as a Kafka
-- record (or in the in-process queue), which a crash can lose; the fan-out claims a request that waited too long,
-- so a requested sync is never lost. Cleared when a sync of the connection takes its lease.
ALTER TABLE exchange_connections ADD COLUMN sync_requested_at TIMESTAMPTZ;

CREATE INDEX idx_exchange_connections_requested ON exchange_connections (sync_requested_at)
    WHERE sync_requested_at IS NOT NULL;

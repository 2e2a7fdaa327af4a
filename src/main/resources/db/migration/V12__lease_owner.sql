-- Who holds a connection's sync lease: "<instance>/<boot id>". An instance that restarts after a crash hands back
-- the leases of its earlier boot at once instead of waiting for them to expire; the heartbeat renews only its own.
ALTER TABLE exchange_connections ADD COLUMN sync_lease_owner TEXT;

-- The fan-out also claims connections whose lease expired: a sync that died with its instance.
CREATE INDEX idx_exchange_connections_lease ON exchange_connections (sync_lease_until)
    WHERE sync_lease_until IS NOT NULL;

-- A digest of the balances a connection's holdings were last written from. A sync that reads the same
-- balances again (most syncs: portfolios change far less often than every few minutes) then writes no
-- holding at all, only the connection's status and its run. NULL: the next sync writes in full.
ALTER TABLE exchange_connections ADD COLUMN holdings_digest VARCHAR(64);

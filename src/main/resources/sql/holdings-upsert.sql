-- Records a successful sync in one statement, hence one transaction without a BEGIN/COMMIT round trip:
-- marks the connection healthy (a partial sync or a key that may trade leaves a warning in last_error,
-- status stays 'active'), releases its lease, records the run and writes its balances. Returns synced = 0
-- when the connection was disconnected meanwhile: then nothing at all is written.
-- Its UPDATE comes first and locks the connection row, which serialises it with a concurrent disconnect.
-- Holdings are written only when :#digest differs from the stored one (or is NULL: wallets were kept):
-- a steady portfolio writes no holding. Otherwise: inserts new assets, updates changed ones and deletes
-- assets the exchange no longer reports.
-- Wallets this sync did not read (:#keptWallets: a secondary wallet failed, or is read less often)
-- keep their stored parts, so a failed earn call never wipes earn holdings. (No '#' in this file:
-- camel-sql reads it as a parameter marker.)
-- Tokens seen for the first time are created in the same statement. Symbols arrive sorted, so
-- concurrent syncs take the unique-index locks in the same order and cannot deadlock. A symbol that
-- another sync inserts at the same moment is not in this statement's snapshot: DO UPDATE (a no-op
-- write) waits for it and returns its row, where DO NOTHING would return nothing and lose the holding.
-- A snapshot of the holdings goes to the portfolio's history when they changed, or when the last one is older
-- than the heartbeat, so a steady portfolio costs one small row per heartbeat.
WITH previous AS (
    SELECT holdings_digest FROM exchange_connections WHERE id = CAST(:#connectionId AS uuid)
), c AS (
    UPDATE exchange_connections
    SET status = 'active', last_sync_at = now(), last_error = COALESCE(CAST(:#warning AS text), key_warning),
        consecutive_failures = 0, sync_lease_until = NULL, updated_at = now(),
        holdings_digest = CAST(:#digest AS text),
        -- SET reads the row as it was: a snapshot is due when the holdings change or the heartbeat is up.
        snapshot_at = CASE WHEN CAST(:#digest AS text) IS NULL OR CAST(:#digest AS text) IS DISTINCT FROM holdings_digest
                                OR snapshot_at IS NULL OR snapshot_at < now() - CAST(:#heartbeat AS interval)
                           THEN now() ELSE snapshot_at END
    WHERE id = CAST(:#connectionId AS uuid)
    RETURNING id, user_id, snapshot_at = now() AS snapshot_due
), run AS (
    INSERT INTO sync_runs (connection_id, trigger, started_at, status, assets, attempts, error)
    SELECT id, :#trigger, CAST(:#startedAt AS timestamptz), 'success', :#assets, :#attempts, CAST(:#warning AS text) FROM c
), write AS (
    SELECT 1 FROM c
    WHERE CAST(:#digest AS text) IS NULL
       OR CAST(:#digest AS text) IS DISTINCT FROM (SELECT holdings_digest FROM previous)
), new_tokens AS (
    INSERT INTO tokens (symbol)
    SELECT s.symbol
    FROM unnest(CAST(:#symbols AS text[])) AS s(symbol)
    WHERE EXISTS (SELECT 1 FROM write)
      AND NOT EXISTS (SELECT 1 FROM tokens t WHERE t.symbol = s.symbol)
    ORDER BY s.symbol
    ON CONFLICT (symbol) DO UPDATE SET symbol = EXCLUDED.symbol
    RETURNING id, symbol
), known_tokens AS (
    SELECT id, symbol FROM tokens WHERE symbol = ANY (CAST(:#symbols AS text[]))
    UNION ALL
    SELECT id, symbol FROM new_tokens
), fresh AS (
    SELECT t.id AS token_id, i.amount, i.available, i.locked, CAST(i.wallets AS jsonb) AS wallets
    FROM unnest(CAST(:#symbols AS text[]),
                CAST(CAST(:#totals AS text[]) AS numeric[]),
                CAST(CAST(:#available AS text[]) AS numeric[]),
                CAST(CAST(:#locked AS text[]) AS numeric[]),
                CAST(:#wallets AS text[])) AS i(symbol, amount, available, locked, wallets)
    JOIN known_tokens t ON t.symbol = i.symbol
), kept AS (
    -- Spot and funding parts were available, earn and staked ones locked, as when they were read.
    SELECT h.token_id,
           jsonb_object_agg(w.key, to_jsonb(w.value)) AS wallets,
           sum(CAST(w.value AS numeric)) AS amount,
           sum(CASE WHEN w.key IN ('spot', 'funding') THEN CAST(w.value AS numeric) ELSE 0 END) AS available,
           sum(CASE WHEN w.key IN ('spot', 'funding') THEN 0 ELSE CAST(w.value AS numeric) END) AS locked
    FROM holdings h CROSS JOIN LATERAL jsonb_each_text(h.wallets) AS w(key, value)
    WHERE h.connection_id = CAST(:#connectionId AS uuid)
      AND cardinality(CAST(:#keptWallets AS text[])) > 0
      AND w.key = ANY (CAST(:#keptWallets AS text[]))
    GROUP BY h.token_id
), input AS (
    SELECT COALESCE(f.token_id, k.token_id) AS token_id,
           COALESCE(f.amount, 0) + COALESCE(k.amount, 0) AS amount,
           COALESCE(f.available, 0) + COALESCE(k.available, 0) AS available,
           COALESCE(f.locked, 0) + COALESCE(k.locked, 0) AS locked,
           COALESCE(f.wallets, '{}'::jsonb) || COALESCE(k.wallets, '{}'::jsonb) AS wallets
    FROM fresh f FULL OUTER JOIN kept k ON k.token_id = f.token_id
), upserted AS (
    INSERT INTO holdings (portfolio_id, token_id, connection_id, amount, available, locked, wallets, updated_at)
    SELECT CAST(:#portfolioId AS uuid), token_id, CAST(:#connectionId AS uuid), amount, available, locked, wallets, now()
    FROM input
    WHERE EXISTS (SELECT 1 FROM write)
    ON CONFLICT (portfolio_id, token_id, connection_id) DO UPDATE
        SET amount = EXCLUDED.amount, available = EXCLUDED.available, locked = EXCLUDED.locked,
            wallets = EXCLUDED.wallets, updated_at = now()
        WHERE (holdings.amount, holdings.available, holdings.locked, holdings.wallets)
              IS DISTINCT FROM (EXCLUDED.amount, EXCLUDED.available, EXCLUDED.locked, EXCLUDED.wallets)
), snapshot AS (
    -- The holdings as this statement leaves them, for the portfolio's history (only when due: see c).
    INSERT INTO holding_snapshots (connection_id, user_id, taken_at, symbols, amounts)
    SELECT c.id, c.user_id, now(), COALESCE(a.symbols, '{}'), COALESCE(a.amounts, '{}')
    FROM c, LATERAL (
        -- One pass over the input for both arrays, in the same order.
        SELECT array_agg(COALESCE(t.symbol, n.symbol) ORDER BY COALESCE(t.symbol, n.symbol)) AS symbols,
               array_agg(i.amount ORDER BY COALESCE(t.symbol, n.symbol)) AS amounts
        FROM input i LEFT JOIN tokens t ON t.id = i.token_id LEFT JOIN new_tokens n ON n.id = i.token_id) a
    WHERE c.snapshot_due
), pruned AS (
    DELETE FROM holdings h
    WHERE EXISTS (SELECT 1 FROM write)
      AND h.connection_id = CAST(:#connectionId AS uuid)
      AND h.token_id NOT IN (SELECT token_id FROM input)
)
SELECT count(*) AS synced FROM c

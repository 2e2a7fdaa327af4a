-- Writes one connection's balances: inserts new assets, updates changed ones (unchanged rows are
-- left alone, so a steady portfolio writes nothing) and deletes assets the exchange no longer reports.
WITH input AS (
    SELECT t.id AS token_id, i.amount, i.available, i.locked
    FROM unnest(CAST(:#symbols AS text[]),
                CAST(CAST(:#totals AS text[]) AS numeric[]),
                CAST(CAST(:#available AS text[]) AS numeric[]),
                CAST(CAST(:#locked AS text[]) AS numeric[])) AS i(symbol, amount, available, locked)
    JOIN tokens t ON t.symbol = i.symbol
), upserted AS (
    INSERT INTO holdings (portfolio_id, token_id, connection_id, amount, available, locked, updated_at)
    SELECT CAST(:#portfolioId AS uuid), token_id, CAST(:#connectionId AS uuid), amount, available, locked, now()
    FROM input
    ON CONFLICT (portfolio_id, token_id, connection_id) DO UPDATE
        SET amount = EXCLUDED.amount, available = EXCLUDED.available, locked = EXCLUDED.locked, updated_at = now()
        WHERE (holdings.amount, holdings.available, holdings.locked)
              IS DISTINCT FROM (EXCLUDED.amount, EXCLUDED.available, EXCLUDED.locked)
    RETURNING token_id
)
DELETE FROM holdings h
WHERE h.connection_id = CAST(:#connectionId AS uuid)
  AND h.token_id NOT IN (SELECT token_id FROM input)

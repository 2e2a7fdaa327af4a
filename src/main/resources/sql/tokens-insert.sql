-- Creates tokens seen for the first time. Symbols arrive sorted, so concurrent syncs take the
-- unique-index locks in the same order and cannot deadlock; existing ones cost no sequence value.
INSERT INTO tokens (symbol)
SELECT s.symbol
FROM unnest(CAST(:#symbols AS text[])) AS s(symbol)
WHERE NOT EXISTS (SELECT 1 FROM tokens t WHERE t.symbol = s.symbol)
ORDER BY s.symbol
ON CONFLICT (symbol) DO NOTHING

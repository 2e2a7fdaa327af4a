-- Serialises with a concurrent disconnect: holdings are written only while the connection exists.
SELECT id FROM exchange_connections WHERE id = CAST(:#connectionId AS uuid) FOR UPDATE

-- Every sync updates its connection row twice (lease, then success) and the fan-out once more. Leaving a
-- quarter of each page free lets PostgreSQL write those new row versions into the same page (HOT updates)
-- without touching the table's indexes, as long as no indexed column changes. Applies to pages written from
-- now on; VACUUM FULL or a dump and restore would apply it to old ones.
ALTER TABLE exchange_connections SET (fillfactor = 75);

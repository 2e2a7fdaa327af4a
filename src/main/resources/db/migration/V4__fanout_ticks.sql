-- One row per fan-out interval slot: the instance that inserts it runs that interval's fan-out,
-- so N instances fan out once per interval (claims stay safe even if two ever run).
CREATE TABLE fanout_ticks (
    slot     BIGINT PRIMARY KEY,
    instance VARCHAR(200) NOT NULL,
    fired_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

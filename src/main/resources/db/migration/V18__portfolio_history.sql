-- The portfolio's past: what each connection held (a snapshot when its holdings change, and a heartbeat),
-- and the prices of the pairs that value holdings, recorded every few minutes. Values are computed when
-- read, so the history can be shown in any quote currency. Both are compacted: full detail for 7 days,
-- the last row per hour for 90 days, the last row per day after that.
CREATE TABLE holding_snapshots (
    id            BIGSERIAL PRIMARY KEY,
    -- No foreign key to the connection: a disconnected connection's past stays (unless erased).
    connection_id UUID            NOT NULL,
    user_id       UUID            NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    taken_at      TIMESTAMPTZ     NOT NULL,
    -- Parallel arrays, sorted by symbol; both empty once the connection is disconnected.
    symbols       TEXT[]          NOT NULL,
    amounts       NUMERIC(38, 18)[] NOT NULL
);
CREATE INDEX idx_holding_snapshots_user_time ON holding_snapshots (user_id, taken_at);
CREATE INDEX idx_holding_snapshots_connection_time ON holding_snapshots (connection_id, taken_at);

CREATE TABLE price_history (
    id        BIGSERIAL PRIMARY KEY,
    base      VARCHAR(32)     NOT NULL,
    quote     VARCHAR(32)     NOT NULL,
    source    VARCHAR(32)     NOT NULL,
    price     NUMERIC(38, 18) NOT NULL,
    price_at  TIMESTAMPTZ     NOT NULL
);
CREATE INDEX idx_price_history_time ON price_history (price_at);
CREATE INDEX idx_price_history_pair_time ON price_history (base, quote, price_at);

-- When the connection's last snapshot was taken: a sync takes one when its holdings changed or this is
-- older than the heartbeat.
ALTER TABLE exchange_connections ADD COLUMN snapshot_at TIMESTAMPTZ;

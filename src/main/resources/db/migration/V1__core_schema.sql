-- Core schema: users and their portfolios, exchange connections, holdings per connection, sync history.

CREATE TABLE users (
    id            UUID PRIMARY KEY,
    email         VARCHAR(254) NOT NULL UNIQUE,
    password_hash VARCHAR(100) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE portfolios (
    id         UUID PRIMARY KEY,
    user_id    UUID         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name       VARCHAR(100) NOT NULL,
    is_default BOOLEAN      NOT NULL DEFAULT false,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
-- At most one default portfolio per user.
CREATE UNIQUE INDEX idx_portfolios_one_default ON portfolios (user_id) WHERE is_default;

CREATE TABLE tokens (
    id         BIGSERIAL PRIMARY KEY,
    symbol     VARCHAR(32)  NOT NULL UNIQUE,
    name       VARCHAR(100),
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE exchange_connections (
    id                    UUID PRIMARY KEY,
    user_id               UUID         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    portfolio_id          UUID         NOT NULL REFERENCES portfolios (id) ON DELETE CASCADE,
    exchange              VARCHAR(32)  NOT NULL,
    label                 VARCHAR(100),
    api_key_encrypted     TEXT         NOT NULL,
    api_secret_encrypted  TEXT         NOT NULL,
    passphrase_encrypted  TEXT,
    -- Lets the API refuse a second connection of the same key without decrypting every row.
    api_key_fingerprint   VARCHAR(64)  NOT NULL,
    api_key_hint          VARCHAR(4)   NOT NULL,
    status                VARCHAR(16)  NOT NULL DEFAULT 'active'
                          CHECK (status IN ('active', 'error', 'disabled')),
    last_sync_at          TIMESTAMPTZ,
    last_error            TEXT,
    auto_sync             BOOLEAN      NOT NULL DEFAULT true,
    sync_interval         INTEGER      NOT NULL DEFAULT 300 CHECK (sync_interval BETWEEN 60 AND 86400),
    next_sync_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    consecutive_failures  INTEGER      NOT NULL DEFAULT 0,
    -- A worker holds the connection until this instant; keeps two workers off one connection.
    sync_lease_until      TIMESTAMPTZ,
    created_at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT uq_connection_key UNIQUE (user_id, exchange, api_key_fingerprint)
);
CREATE INDEX idx_exchange_connections_user_id ON exchange_connections (user_id);
CREATE INDEX idx_exchange_connections_exchange ON exchange_connections (exchange);
CREATE INDEX idx_exchange_connections_status ON exchange_connections (status);
-- Drives the fan-out: only connections that can be due are indexed.
CREATE INDEX idx_exchange_connections_next_sync ON exchange_connections (next_sync_at)
    WHERE auto_sync AND status <> 'disabled';

CREATE TABLE holdings (
    id            BIGSERIAL PRIMARY KEY,
    portfolio_id  UUID           NOT NULL REFERENCES portfolios (id) ON DELETE CASCADE,
    token_id      BIGINT         NOT NULL REFERENCES tokens (id),
    connection_id UUID           NOT NULL REFERENCES exchange_connections (id) ON DELETE CASCADE,
    amount        NUMERIC(38, 18) NOT NULL,
    available     NUMERIC(38, 18) NOT NULL,
    locked        NUMERIC(38, 18) NOT NULL,
    updated_at    TIMESTAMPTZ    NOT NULL DEFAULT now(),
    -- One row per asset per connection: two exchanges holding BTC never overwrite each other.
    CONSTRAINT uq_holding UNIQUE (portfolio_id, token_id, connection_id)
);
CREATE INDEX idx_holdings_connection ON holdings (connection_id);

CREATE TABLE sync_runs (
    id            BIGSERIAL PRIMARY KEY,
    connection_id UUID        NOT NULL REFERENCES exchange_connections (id) ON DELETE CASCADE,
    trigger       VARCHAR(16) NOT NULL CHECK (trigger IN ('scheduled', 'manual', 'api')),
    started_at    TIMESTAMPTZ NOT NULL,
    finished_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    status        VARCHAR(16) NOT NULL CHECK (status IN ('success', 'failed')),
    assets        INTEGER     NOT NULL DEFAULT 0,
    attempts      INTEGER     NOT NULL DEFAULT 1,
    error         TEXT
);
CREATE INDEX idx_sync_runs_connection ON sync_runs (connection_id, started_at DESC);

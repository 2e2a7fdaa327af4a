-- Exchange fidelity: the per-wallet breakdown of each holding, the key-permission warning of a
-- connection, and Kraken nonce high-water marks shared by every instance.

-- {"spot":"1.5","earn":"2"}: parts of holdings.amount by wallet, as exact decimal strings.
ALTER TABLE holdings ADD COLUMN wallets JSONB NOT NULL DEFAULT '{}'::jsonb;

-- A standing warning about the key itself (e.g. it may trade), set when it is connected and shown
-- in last_error after every successful sync while the status stays 'active'.
ALTER TABLE exchange_connections ADD COLUMN key_warning TEXT;

-- Kraken rejects a nonce not above the last one it saw for the key, from any process. The key is
-- stored only as a SHA-256 digest.
CREATE TABLE kraken_nonces (
    api_key_fingerprint VARCHAR(64) PRIMARY KEY,
    last_nonce          BIGINT      NOT NULL
);

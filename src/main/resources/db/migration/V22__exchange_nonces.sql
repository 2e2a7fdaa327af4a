-- Nonces that must increase per API key, from any process, for exchanges other than Kraken (Gemini first):
-- the highest nonce handed out per exchange and key. The key is stored only as a SHA-256 digest.
CREATE TABLE exchange_nonces (
    exchange            VARCHAR(32) NOT NULL,
    api_key_fingerprint VARCHAR(64) NOT NULL,
    last_nonce          BIGINT      NOT NULL,
    PRIMARY KEY (exchange, api_key_fingerprint)
);

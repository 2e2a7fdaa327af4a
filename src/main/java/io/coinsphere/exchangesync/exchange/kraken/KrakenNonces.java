package io.coinsphere.exchangesync.exchange.kraken;

/**
 * Hands out Kraken nonces: strictly increasing per API key, for every process that uses the key.
 * Implementations: {@link JdbcKrakenNonces} (a high-water mark in PostgreSQL, shared by instances
 * and surviving restarts) and {@link #inMemory()} for adapter tests without a database.
 */
public interface KrakenNonces {

    long next(String apiKey);

    /** One process's strictly increasing millisecond counter (for tests; not shared across processes). */
    static KrakenNonces inMemory() {
        KrakenNonceFactory factory = new KrakenNonceFactory();
        return apiKey -> factory.createValue();
    }
}

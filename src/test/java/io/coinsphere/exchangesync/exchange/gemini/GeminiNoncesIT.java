package io.coinsphere.exchangesync.exchange.gemini;

import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.NonceStoreCases;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/** Gemini nonces (seconds on Gemini's clock) from the {@code exchange_nonces} high-water mark. */
class GeminiNoncesIT extends NonceStoreCases {

    @Autowired
    private PlatformTransactionManager transactions;

    GeminiNoncesIT() {
        super(ExchangeId.GEMINI, "exchange_nonces", JdbcGeminiNonces::fingerprint, "BTC");
    }

    /** Gemini's store takes the adapter's clock (Gemini's time in seconds) with each request. */
    @Override
    protected NonceTaker store(LongSupplier clock) {
        JdbcGeminiNonces store = new JdbcGeminiNonces(jdbc, transactions);
        return apiKey -> store.next(apiKey, clock.getAsLong());
    }

    @Override
    protected long now() {
        return System.currentTimeMillis() / 1000;
    }
}

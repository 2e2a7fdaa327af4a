package io.coinsphere.exchangesync.exchange.kraken;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Kraken nonces: the millisecond clock, but strictly increasing across the whole process, so two
 * syncs of one key can never send the same nonce (a plain clock nonce can). One counter for all keys is strictly increasing per key too,
 * needs no per-key state, and stays on the clock below 1000 Kraken calls per second.
 * Only for one process ({@link KrakenNonces#inMemory()}, tests); the service uses {@link JdbcKrakenNonces}.
 */
final class KrakenNonceFactory {

    private final AtomicLong last = new AtomicLong();
    private final LongSupplier clockMillis;

    KrakenNonceFactory() {
        this(System::currentTimeMillis);
    }

    KrakenNonceFactory(LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
    }

    long createValue() {
        long now = clockMillis.getAsLong();
        return last.updateAndGet(previous -> Math.max(now, previous + 1));
    }
}

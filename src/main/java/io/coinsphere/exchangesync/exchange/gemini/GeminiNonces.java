package io.coinsphere.exchangesync.exchange.gemini;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out Gemini nonces: strictly increasing per API key, for every process that uses the key, and in seconds
 * on Gemini's clock, so that keys created with "Uses a time based nonce" (nonce within 30 s of Gemini's time)
 * and counter keys (nonce above the last one) both accept them. Implementations: {@link JdbcGeminiNonces}
 * (shared by instances, survives restarts) and {@link #inMemory()} for adapter tests without a database.
 */
public interface GeminiNonces {

    /** The next nonce for {@code apiKey}: {@code max(last + 1, nowSeconds)}. */
    long next(String apiKey, long nowSeconds);

    /** One process's high-water mark per key; for tests. */
    static GeminiNonces inMemory() {
        Map<String, AtomicLong> last = new ConcurrentHashMap<>();
        return (apiKey, nowSeconds) -> last.computeIfAbsent(apiKey, k -> new AtomicLong())
                .updateAndGet(previous -> Math.max(nowSeconds, previous + 1));
    }
}

package io.coinsphere.exchangesync.exchange.binance;

import io.coinsphere.exchangesync.exchange.signing.Hmac;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * When each key's Simple Earn positions were last read. They cost 150 weight per page against
 * Binance's 6000 per minute, so reading them on every sync would cap an instance at ~18 syncs a
 * minute; in between, the earn wallet keeps its stored amounts. Forgotten on restart (read again).
 */
final class EarnSchedule {

    private static final int MAX_KEYS = 100_000;

    private final long refreshMillis;
    private final LongSupplier clock;
    private final Map<String, Long> lastRead = new ConcurrentHashMap<>();

    EarnSchedule(Duration refresh) {
        this(refresh, System::currentTimeMillis);
    }

    EarnSchedule(Duration refresh, LongSupplier clock) {
        this.refreshMillis = refresh.toMillis();
        this.clock = clock;
    }

    boolean isDue(String apiKey) {
        Long last = lastRead.get(id(apiKey));
        return last == null || clock.getAsLong() - last >= refreshMillis;
    }

    void read(String apiKey) {
        if (lastRead.size() >= MAX_KEYS) {
            lastRead.clear(); // everyone reads earn once more; cheaper than tracking age
        }
        lastRead.put(id(apiKey), clock.getAsLong());
    }

    /** A digest, so the map holds no key material. */
    private static String id(String apiKey) {
        return HexFormat.of().formatHex(Hmac.sha256(Hmac.utf8(apiKey)), 0, 16);
    }
}

package io.coinsphere.exchangesync.exchange.guard;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs calls for one API key one at a time. Kraken and Gemini reject a nonce lower than the last one they saw,
 * so two concurrent calls with one key could arrive out of order and one would fail with
 * "Invalid nonce"; taking the nonce and sending the request under a per-key lock keeps the wire
 * order equal to the nonce order. Calls for different keys never wait for each other, and a key's
 * lock is dropped as soon as nobody uses it (no unbounded map).
 */
public final class PerKeyExclusion {

    /** A lock plus the number of threads holding or waiting for it (guarded by the map's compute). */
    private static final class Lane {
        final ReentrantLock lock = new ReentrantLock();
        int users;
    }

    @FunctionalInterface
    public interface Call<T> {
        T call() throws Exception;
    }

    private final ConcurrentHashMap<String, Lane> lanes = new ConcurrentHashMap<>();

    public <T> T run(String key, Call<T> call) throws Exception {
        Lane lane = lanes.compute(key, (k, existing) -> {
            Lane l = existing == null ? new Lane() : existing;
            l.users++;
            return l;
        });
        lane.lock.lock();
        try {
            return call.call();
        } finally {
            lane.lock.unlock();
            lanes.computeIfPresent(key, (k, l) -> --l.users == 0 ? null : l);
        }
    }

    /** Keys currently in use; for tests. */
    int activeKeys() {
        return lanes.size();
    }
}

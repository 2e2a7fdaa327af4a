package io.coinsphere.exchangesync.emulator;

import java.time.Duration;

/** A fixed-window usage counter, for the rate-limit headers the exchanges send (used weight, remaining). */
final class WindowCounter {

    private final long windowMillis;
    private long windowStart;
    private long used;

    WindowCounter(Duration window) {
        this.windowMillis = window.toMillis();
    }

    /** Adds {@code amount} at time {@code nowMillis} and returns the usage of the current window. */
    synchronized long add(long nowMillis, long amount) {
        roll(nowMillis);
        used += amount;
        return used;
    }

    synchronized long used(long nowMillis) {
        roll(nowMillis);
        return used;
    }

    synchronized long millisToReset(long nowMillis) {
        roll(nowMillis);
        return windowStart + windowMillis - nowMillis;
    }

    private void roll(long nowMillis) {
        long start = nowMillis - Math.floorMod(nowMillis, windowMillis);
        if (start != windowStart) {
            windowStart = start;
            used = 0;
        }
    }
}

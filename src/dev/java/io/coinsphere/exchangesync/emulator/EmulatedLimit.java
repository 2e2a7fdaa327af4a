package io.coinsphere.exchangesync.emulator;

import java.time.Duration;

/**
 * One rate limit as an exchange counts it. {@link Kind#FIXED_WINDOW}: at most {@code limit} units
 * per clock-aligned window (Binance weight per minute, KuCoin's 30 s pool). {@link Kind#DECAYING}:
 * a counter that may not pass {@code limit} and drains by {@code limit} per {@code window}
 * (Kraken's per-key counter, Coinbase's burst with a steady rate).
 */
final class EmulatedLimit {

    enum Kind { FIXED_WINDOW, DECAYING }

    /** The limit a handler applies; null on a handler means "no limit". */
    record Rule(Kind kind, long limit, Duration window) {
    }

    private final Rule rule;
    private final WindowCounter window;
    private double level;
    private long levelAt;

    EmulatedLimit(Rule rule) {
        this.rule = rule;
        this.window = rule.kind() == Kind.FIXED_WINDOW ? new WindowCounter(rule.window()) : null;
    }

    /** Counts {@code cost} if it fits under the limit; a request that does not fit is not counted. */
    synchronized boolean tryAdd(long nowMillis, long cost) {
        if (window != null) {
            if (window.used(nowMillis) + cost > rule.limit()) {
                return false;
            }
            window.add(nowMillis, cost);
            return true;
        }
        drain(nowMillis);
        if (level + cost > rule.limit()) {
            return false;
        }
        level += cost;
        return true;
    }

    synchronized long used(long nowMillis) {
        if (window != null) {
            return window.used(nowMillis);
        }
        drain(nowMillis);
        return (long) Math.ceil(level);
    }

    /** Milliseconds until one more unit fits. */
    synchronized long millisToReset(long nowMillis) {
        if (window != null) {
            return window.millisToReset(nowMillis);
        }
        drain(nowMillis);
        double excess = level + 1 - rule.limit();
        return excess <= 0 ? 0 : (long) Math.ceil(excess / perMilli());
    }

    private void drain(long nowMillis) {
        level = Math.max(0, level - (nowMillis - levelAt) * perMilli());
        levelAt = nowMillis;
    }

    private double perMilli() {
        return (double) rule.limit() / rule.window().toMillis();
    }
}

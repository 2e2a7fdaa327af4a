package io.coinsphere.exchangesync.exchange.guard;

import java.util.concurrent.atomic.LongAdder;

/**
 * What one exchange's guard has done since start: budget units spent, calls that had to wait (and for how
 * long) and calls refused, by reason. Plain adders, so the call path pays no more than an increment;
 * {@link GuardMetrics} exposes them.
 */
public final class GuardStats {

    /** Why a call never went out. */
    public enum Refusal {
        /** The budget would not have refilled within the longest allowed wait. */
        BUDGET,
        /** A Retry-After pause longer than the longest allowed wait. */
        PAUSE,
        /** The circuit breaker is open. */
        CIRCUIT_OPEN
    }

    private final LongAdder taken = new LongAdder();
    private final LongAdder waits = new LongAdder();
    private final LongAdder waitedNanos = new LongAdder();
    private final LongAdder[] refused = new LongAdder[Refusal.values().length];

    GuardStats() {
        for (int i = 0; i < refused.length; i++) {
            refused[i] = new LongAdder();
        }
    }

    void took(long cost) {
        taken.add(cost);
    }

    void waited(long nanos) {
        waits.increment();
        waitedNanos.add(nanos);
    }

    void refuse(Refusal reason) {
        refused[reason.ordinal()].increment();
    }

    /** Budget units spent (Binance request weight, else one per request). */
    public long taken() {
        return taken.sum();
    }

    /** Calls that slept for budget or a pause before going out. */
    public long waits() {
        return waits.sum();
    }

    public double waitedSeconds() {
        return waitedNanos.sum() / 1e9;
    }

    public long refused(Refusal reason) {
        return refused[reason.ordinal()].sum();
    }
}

package io.coinsphere.exchangesync.exchange.guard;

/** Where a guard takes its budget from: a bucket of this instance, or one shared by every instance on the database. */
interface RateBucket {

    /**
     * Takes {@code cost} tokens if there are enough and returns 0; otherwise takes nothing and returns how many
     * nanoseconds until there will be. A cost above the capacity is capped to it.
     */
    long tryTake(long cost);

    /** Share of the capacity spent and not yet refilled: 0 idle, 1 exhausted. */
    double used();
}

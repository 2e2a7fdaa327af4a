package io.coinsphere.exchangesync.sync;

/**
 * The sync concurrency limit's control rule, additive increase and multiplicative decrease on the CPU load:
 * above the target the limit drops by a fifth (the backlog is CPU-bound: fewer syncs run as fast and leave the
 * cores to the API); below it, with syncs waiting, it grows by an eighth (at least one). Without a backlog, or
 * when the load cannot be read, it stays where it is.
 *
 * @param min       the fewest syncs in flight, however loaded the machine (neighbours count in the load too)
 * @param max       the most: {@code coinsphere.sync.workers}
 * @param cpuTarget the machine's CPU load (0-1) the rule keeps syncs under; 1 or more turns the rule off
 */
record ThrottleRule(int min, int max, double cpuTarget) {

    public ThrottleRule {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("need 1 <= min <= max, got min " + min + ", max " + max);
        }
    }

    /** Starts wide open: an I/O-bound pipeline never waits for the rule to find its level. */
    int initial() {
        return max;
    }

    int next(int limit, double cpuLoad, boolean backlog) {
        if (cpuTarget >= 1) {
            return max;
        }
        if (cpuLoad < 0) {
            return limit;
        }
        if (cpuLoad > cpuTarget) {
            return Math.max(min, (int) Math.floor(limit * 0.8));
        }
        if (backlog) {
            return Math.min(max, limit + Math.max(1, limit / 8));
        }
        return limit;
    }
}

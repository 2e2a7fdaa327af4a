package io.coinsphere.exchangesync.sync;

/** One step of the throttle's timer: fewer syncs at once while the cores are saturated, more while syncs wait. */
public class ThrottleControl {

    private final SyncThrottle throttle;
    private final SyncQueue queue;
    private final MachineCpu cpu;

    ThrottleControl(SyncThrottle throttle, SyncQueue queue, MachineCpu cpu) {
        this.throttle = throttle;
        this.queue = queue;
        this.cpu = cpu;
    }

    public void adjust() {
        throttle.adjust(cpu.load(), !queue.isEmpty());
    }
}

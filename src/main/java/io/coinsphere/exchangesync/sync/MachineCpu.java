package io.coinsphere.exchangesync.sync;

import java.lang.management.ManagementFactory;

/**
 * The machine's CPU load since the previous reading (0-1; negative when the platform does not tell), the
 * {@link SyncThrottle}'s signal. The whole machine, not this process: a database or a neighbour on the same cores
 * slows the API just as much as our own syncs do.
 */
class MachineCpu {

    private final com.sun.management.OperatingSystemMXBean os =
            ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class);

    public double load() {
        return os == null ? -1 : os.getCpuLoad();
    }
}

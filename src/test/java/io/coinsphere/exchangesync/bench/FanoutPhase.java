package io.coinsphere.exchangesync.bench;

import java.nio.file.Path;

/**
 * Fan-out memory in in-process mode (Kafka off), where the fan-out itself waits for the local queue:
 * the heap after a full GC once the fan-out of F and then of 5F due connections returned must be flat.
 */
final class FanoutPhase {

    private FanoutPhase() {
    }

    static void run(BenchSettings s, EmulatorProcess emulator, BenchAccounts accounts, Path dir, Report report) throws Exception {
        int small = s.fanoutBase();
        int large = 5 * small;
        try (BenchService service = BenchService.start(dir, emulator, false, s.serviceArgs())) {
            report.figure("time from start to ready (in-process mode)", Report.number(service.startupSeconds(), 1) + " s");
            BenchData data = new BenchData(service.dataSource(), service.vault(), accounts);
            data.insertConnections(0, large);
            ProbeUser probe = ProbeUser.create(service.port(), data, service.vault(), accounts, large);
            // Both cycles run once first, so that the measured ones update holdings instead of inserting them.
            Cycle.run(data, service.producer(), probe.userId(), large, false, null);
            emulator.changeBalances(s.changedPercent());
            Cycle atSmall = Cycle.run(data, service.producer(), probe.userId(), small, true, null);
            emulator.changeBalances(s.changedPercent());
            Cycle atLarge = Cycle.run(data, service.producer(), probe.userId(), large, true, null);
            double growth = atLarge.heapAfterFanoutMb() / atSmall.heapAfterFanoutMb() - 1;
            report.target("fan-out heap after GC, " + small + " vs " + large + " due (in-process)",
                    Report.number(atSmall.heapAfterFanoutMb(), 0) + " MB vs " + Report.number(atLarge.heapAfterFanoutMb(), 0)
                            + " MB (" + (growth >= 0 ? "+" : "") + Report.number(growth * 100, 1) + " %)",
                    "within 10 %", Math.abs(growth) <= 0.10);
            report.figure("syncs/s end to end, in-process mode (" + large + " due)", Report.number(atLarge.syncsPerSecond(), 0)
                    + " (" + atLarge.failed() + " failed)");
        }
    }
}

package io.coinsphere.exchangesync.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmark's parameters, read from {@code bench.*} system properties (the Maven profile passes
 * {@code -Dbench.connections=500} and friends through).
 *
 * @param connections     N: connections synced per cycle
 * @param assets          K: assets per account
 * @param latencyMs       the emulator's delay before every answer
 * @param cycles          measured full cycles (the median is reported)
 * @param fanoutBase      F: the fan-out memory check compares F with 5F connections, in-process mode
 * @param restRate        GET /connections requests per second during the loaded cycle
 * @param manualSyncs     manual syncs timed during the backlog of the loaded cycle
 * @param changedPercent  share of the accounts (%) whose balances change before each cycle: the others read what
 *                        was written last time, which the service does not write again
 * @param seedSamples     syncs timed with the seed's PBKDF2 scheme (extrapolated: each costs ~0.1 s)
 * @param serviceArgs     extra service arguments (tuning experiments), whitespace separated
 * @param budgetArgs      service arguments that switch exchange budgets on; empty: the budget part is n/a
 * @param output          where the table is written besides stdout
 * @param workDir         data directories of the service instances and the JFR recording
 */
record BenchSettings(int connections, int assets, int latencyMs, int cycles, int fanoutBase, int restRate, int manualSyncs,
        int changedPercent, int seedSamples, List<String> serviceArgs, List<String> budgetArgs, Path output, Path workDir) {

    static BenchSettings fromSystemProperties() {
        int connections = intProperty("bench.connections", 10_000);
        // The 10,000 vs 50,000 when asked; by default a smaller pair that fits the few-minute budget.
        int fanoutBase = Boolean.getBoolean("bench.fanout.full") ? 10_000
                : intProperty("bench.fanout.connections", Math.min(connections, 2_000));
        Path output = Path.of(System.getProperty("bench.output", "target/benchmark.txt"));
        return new BenchSettings(connections, intProperty("bench.assets", 20), intProperty("bench.latency-ms", 20),
                intProperty("bench.cycles", 3), fanoutBase, intProperty("bench.rest-rate", 100),
                intProperty("bench.manual-syncs", 10), intProperty("bench.changed-percent", 10), intProperty("bench.seed-samples", 8),
                words(System.getProperty("bench.service-args", "")), words(System.getProperty("bench.budget-args", "")),
                output, Path.of(System.getProperty("bench.work-dir", output.getParent() == null ? "." : output.getParent() + "/bench")));
    }

    /** Accounts the emulator must know: every connection of every phase has its own key. */
    int accountsNeeded() {
        return Math.max(connections, 5 * fanoutBase) + ProbeUser.CONNECTIONS;
    }

    private static int intProperty(String name, int fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip().replace("_", ""));
    }

    static List<String> words(String text) {
        return text.isBlank() ? List.of() : Arrays.asList(text.strip().split("\\s+"));
    }
}

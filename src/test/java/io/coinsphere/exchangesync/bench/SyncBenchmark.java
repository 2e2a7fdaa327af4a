package io.coinsphere.exchangesync.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The benchmark: {@code mvn -Pbench verify [-Dbench.connections=500 ...]}. Prints the table to stdout
 * and writes it to {@code bench.output}. Figures are reported, never asserted: a MISS does not fail the build,
 * a benchmark that cannot run does.
 */
public final class SyncBenchmark {

    private SyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        Files.createDirectories(settings.workDir());
        Report report = new Report();
        report.header("Coinsphere Exchange Sync benchmark, " + OffsetDateTime.now(ZoneOffset.UTC).withNano(0));
        report.header(String.format(java.util.Locale.ROOT, "machine: %d cores, %.1f GB memory, Java %s, max heap %d MB, load at start %s",
                Runtime.getRuntime().availableProcessors(), Machine.memTotalGb(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / 1024 / 1024, Machine.load()));
        report.header("parameters: N=" + settings.connections() + " connections, K=" + settings.assets() + " assets, latency "
                + settings.latencyMs() + " ms, " + settings.cycles() + " cycles, fan-out check F=" + settings.fanoutBase()
                + " vs 5F, REST " + settings.restRate() + " req/s, balances change in " + settings.changedPercent()
                + " % of the accounts before each cycle, service args " + settings.serviceArgs());
        long seed = System.nanoTime();
        // bench.phases picks phases, e.g. "budgets" alone to measure the exchange budgets.
        java.util.Set<String> phases = java.util.Set.of(System.getProperty("bench.phases", "footprint,kafka,fanout,budgets").split(","));
        if (phases.contains("footprint")) {
            // First, on a quiet machine: start times and idle memory are what a user sees on theirs.
            Path footprint = settings.workDir().resolve("footprint-" + seed);
            FootprintPhase.run(footprint, report);
            dropDatabases(footprint.resolve("data"));
            dropDatabases(footprint.resolve("data-extracted"));
            dropDatabases(footprint.resolve("training-data"));
            org.springframework.util.FileSystemUtils.deleteRecursively(footprint.resolve("app"));
        }
        if (phases.stream().anyMatch(p -> !"footprint".equals(p))) {
            loadPhases(settings, seed, phases, report);
        }
        String table = report.render();
        System.out.println();
        System.out.println(table);
        Files.createDirectories(settings.output().toAbsolutePath().getParent());
        Files.writeString(settings.output(), table);
        // Non-daemon threads of closed contexts (Kafka clients, Quartz) must not keep the JVM alive.
        System.exit(0);
    }

    /** The phases that sync against the emulated exchanges. */
    private static void loadPhases(BenchSettings settings, long seed, java.util.Set<String> phases, Report report) throws Exception {
        try (EmulatorProcess emulator = EmulatorProcess.start(seed, settings.accountsNeeded(), settings.assets(), settings.latencyMs())) {
            ProcessCpu.watchEmulator(emulator.pid());
            BenchAccounts accounts = new BenchAccounts(seed, settings.assets());
            Path kafka = settings.workDir().resolve("kafka-" + seed);
            if (phases.contains("kafka")) {
                KafkaPhase.run(settings, emulator, accounts, kafka, report);
                dropDatabases(kafka);
            }
            Path inProcess = settings.workDir().resolve("inprocess-" + seed);
            if (phases.contains("fanout")) {
                FanoutPhase.run(settings, emulator, accounts, inProcess, report);
                dropDatabases(inProcess);
            }
            Path budgets = settings.workDir().resolve("budgets-" + seed);
            if (phases.contains("budgets")) {
                BudgetPhase.run(settings, emulator, accounts, budgets, report);
                dropDatabases(budgets);
            }
        }
    }

    /** The database and broker files of a stopped instance are large and of no further use; its log and JFR stay. */
    private static void dropDatabases(Path dir) throws java.io.IOException {
        org.springframework.util.FileSystemUtils.deleteRecursively(dir.resolve("postgres"));
        org.springframework.util.FileSystemUtils.deleteRecursively(dir.resolve("kafka"));
    }

    static List<Double> all(List<Cycle> cycles) {
        List<Double> values = new ArrayList<>();
        cycles.forEach(c -> values.addAll(c.latenciesMs()));
        return values;
    }

    static void awaitQuietly(CompletableFuture<?> future) {
        try {
            future.join();
        } catch (RuntimeException e) {
            System.err.println("benchmark side task failed: " + e);
        }
    }

    static String shares(Map<String, Double> shares, double cpuMsPerSync) {
        StringBuilder text = new StringBuilder();
        for (String category : FrameCategories.ALL) {
            double share = shares.get(category);
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(category).append(' ').append(Report.number(share * 100, 1)).append("% (")
                    .append(Report.number(share * cpuMsPerSync, 3)).append(" ms)");
        }
        return text.toString();
    }

    static Path path(Path dir, String name) {
        return dir.resolve(name).toAbsolutePath();
    }
}

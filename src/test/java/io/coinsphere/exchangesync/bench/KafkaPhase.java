package io.coinsphere.exchangesync.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;

/**
 * The default pipeline (Kafka on the embedded KRaft node): start-up, the measured cycles with a CPU
 * profile, a loaded cycle with REST traffic and manual syncs, memory, and the credential scheme comparison.
 */
final class KafkaPhase {

    private KafkaPhase() {
    }

    static void run(BenchSettings s, EmulatorProcess emulator, BenchAccounts accounts, java.nio.file.Path dir, Report report)
            throws Exception {
        Machine.resetPeakHeap();
        // pg_stat_statements in the embedded PostgreSQL for the statement profile (PgStatements).
        List<String> args = new ArrayList<>(PgStatements.SERVER_ARGS);
        args.addAll(s.serviceArgs());
        try (BenchService service = BenchService.start(dir, emulator, true, args)) {
            report.figure("time from start to ready (Kafka mode)", Report.number(service.startupSeconds(), 1) + " s");
            BenchData data = new BenchData(service.dataSource(), service.vault(), accounts);
            data.insertConnections(0, s.connections());
            ProbeUser probe = ProbeUser.create(service.port(), data, service.vault(), accounts, s.connections());
            ProducerTemplate producer = service.producer();

            List<Cycle> cycles = new ArrayList<>();
            Map<io.coinsphere.exchangesync.exchange.ExchangeId, Long> requestsBefore = emulator.requestCounts();
            Map<String, Double> shares;
            PgStatements statements = new PgStatements(service.dataSource());
            long snapshotsBefore = new org.springframework.jdbc.core.JdbcTemplate(service.dataSource())
                    .queryForObject("SELECT count(*) FROM holding_snapshots", Long.class);
            statements.reset();
            ThreadCpu threads = ThreadCpu.start();
            try (CpuProfile profile = new CpuProfile(SyncBenchmark.path(dir, "cycles.jfr"))) {
                profile.start();
                for (int i = 0; i < s.cycles(); i++) {
                    emulator.changeBalances(s.changedPercent());
                    Cycle cycle = Cycle.run(data, producer, probe.userId(), s.connections(), false, null);
                    cycles.add(cycle);
                    System.out.printf("cycle %d: %d syncs (%d failed) in %.2f s = %.0f syncs/s, CPU ms/sync: service %.3f,"
                            + " emulator %.3f, PostgreSQL %.3f, machine %.3f, load %s%n",
                            i + 1, cycle.syncs(), cycle.failed(), cycle.seconds(), cycle.syncsPerSecond(),
                            cycle.cpuMs() / cycle.syncs(), cycle.cpu().emulator() / 1e6 / cycle.syncs(),
                            cycle.cpu().postgres() / 1e6 / cycle.syncs(), cycle.cpu().machine() / 1e6 / cycle.syncs(), Machine.load());
                }
                shares = profile.stop();
                report.figure("service JVM threads that used the CPU in the measured cycles (by name, digits dropped)",
                        threads.top(8));
                System.out.println("JFR recording of the cycles: " + profile.file());
            }
            double median = Percentiles.median(cycles.stream().map(Cycle::syncsPerSecond).toList());
            report.target("syncs/s end to end, median of " + cycles.size() + " cycles (budgets off)", Report.number(median, 0)
                    + " (cycles: " + String.join(", ", cycles.stream().map(c -> Report.number(c.syncsPerSecond(), 0)).toList()) + ")",
                    ">= 500", median >= 500);
            long syncs = cycles.stream().mapToLong(Cycle::syncs).sum();
            long failed = cycles.stream().mapToLong(Cycle::failed).sum();
            long requests = 0;
            for (var entry : emulator.requestCounts().entrySet()) {
                requests += entry.getValue() - requestsBefore.get(entry.getKey());
            }
            report.figure("exchange requests per sync (emulator count)", Report.number((double) requests / syncs, 2));
            report.figure("failed syncs / fan-out errors / incomplete cycles", failed + " of " + syncs + " / "
                    + cycles.stream().mapToInt(Cycle::fanoutErrors).sum() + " / " + cycles.stream().filter(c -> !c.complete()).count());
            double cpuPerSync = cycles.stream().mapToDouble(Cycle::cpuMs).sum() / syncs;
            report.figure("CPU ms per sync (JVM process incl. embedded Kafka; emulator and PostgreSQL excluded)",
                    Report.number(cpuPerSync, 3) + " ms");
            cpuCeiling(cycles, syncs, report);
            report.figure("CPU share by JFR samples (" + Report.number(shares.get("samples"), 0) + " samples)",
                    SyncBenchmark.shares(shares, cpuPerSync));
            Percentiles latency = new Percentiles(SyncBenchmark.all(cycles));
            report.figure("sync latency claim -> commit p50/p95/p99", Report.number(latency.at(50), 0) + " / "
                    + Report.number(latency.at(95), 0) + " / " + Report.number(latency.at(99), 0) + " ms");
            statements.report(report, syncs, 6);
            ProcessCpu.Sample total = cycles.stream().map(Cycle::cpu).reduce(ProcessCpu.Sample::plus).orElseThrow();
            HistoryCost.report(service, snapshotsBefore, syncs,
                    (total.jvm() + total.emulator() + total.postgres()) / 1e6 / syncs, s.assets(), report);

            LoadedCycle.run(s, emulator, data, producer, probe, service, report);

            report.figure("peak heap (sum of heap pools) / peak RSS (VmHWM), Kafka mode",
                    Report.number(Machine.peakHeapMb(), 0) + " MB / " + Report.number(Machine.statusMb("VmHWM"), 0) + " MB");

            CryptoComparison.Result crypto = CryptoComparison.run(service.vault(),
                    data.encryptedCredentials(Math.min(s.connections(), 2_000)), (int) syncs, s.seedSamples());
            report.target("crypto per sync: vault decryptions (key, secret, passphrase; thread CPU time)",
                    Report.number(crypto.oursMsPerSync(), 4) + " ms (timed on " + crypto.oursSyncs() + " syncs)", "<= 0.05 ms",
                    crypto.oursMsPerSync() <= 0.05);
            report.figure("seed scheme (PBKDF2-SHA256 100,000 it. per decryption)", Report.number(crypto.seedMsPerSync(), 1)
                    + " ms/sync (timed on " + crypto.seedSyncs() + " syncs) = " + Report.number(crypto.ratio(), 0) + "x our vault");
            int cores = Runtime.getRuntime().availableProcessors();
            double seedLimit = cores * 1000 / crypto.seedMsPerSync();
            report.target("end to end vs the seed's throughput limit (" + cores + " cores / seed ms per sync = "
                    + Report.number(seedLimit, 1) + " syncs/s)", Report.number(median / seedLimit, 1) + "x", ">= 20x",
                    median / seedLimit >= 20);
        }
    }

    /**
     * The rest of the pipeline's CPU per sync (the emulator and PostgreSQL run as processes of their own) and
     * what that leaves the service: at 500 syncs/s on C cores each sync may cost at most C x 1000 / 500 ms
     * in total. The whole machine's busy time includes any other work running at the same time.
     */
    private static void cpuCeiling(List<Cycle> cycles, long syncs, Report report) {
        ProcessCpu.Sample total = cycles.stream().map(Cycle::cpu).reduce(ProcessCpu.Sample::plus).orElseThrow();
        double emulator = total.emulator() / 1e6 / syncs;
        double postgres = total.postgres() / 1e6 / syncs;
        double service = total.jvm() / 1e6 / syncs;
        double machine = total.machine() / 1e6 / syncs;
        report.figure("CPU ms per sync, emulator JVM / embedded PostgreSQL (/proc/<pid>/stat)",
                Report.number(emulator, 3) + " / " + Report.number(postgres, 3) + " ms");
        report.figure("CPU ms per sync, service + emulator + PostgreSQL / whole machine (all processes, neighbours too)",
                Report.number(service + emulator + postgres, 3) + " / " + Report.number(machine, 3) + " ms");
        int cores = Runtime.getRuntime().availableProcessors();
        double budget = cores * 1000.0 / 500;
        report.figure("CPU ms per sync the service may use for 500 syncs/s on " + cores + " cores ("
                + Report.number(budget, 1) + " ms minus emulator and PostgreSQL)", Report.number(budget - emulator - postgres, 3)
                + " ms (service used " + Report.number(service, 3) + " ms: ceiling "
                + Report.number(cores * 1000.0 / (service + emulator + postgres), 0) + " syncs/s if the cores were ours)");
        // Cycle 1 also pays for the JIT and for inserting every holding; the median cycle is the steady state.
        Cycle median = cycles.stream().sorted(java.util.Comparator.comparingDouble(Cycle::syncsPerSecond)).toList()
                .get(cycles.size() / 2);
        double m = median.syncs();
        double mService = median.cpu().jvm() / 1e6 / m;
        double mPipeline = mService + median.cpu().emulator() / 1e6 / m + median.cpu().postgres() / 1e6 / m;
        report.figure("CPU ms per sync in the median cycle: service / emulator / PostgreSQL / whole machine",
                Report.number(mService, 3) + " / " + Report.number(median.cpu().emulator() / 1e6 / m, 3) + " / "
                        + Report.number(median.cpu().postgres() / 1e6 / m, 3) + " / " + Report.number(median.cpu().machine() / 1e6 / m, 3)
                        + " ms: on " + cores + " cores that is " + Report.number(cores * 1000.0 / mPipeline, 0)
                        + " syncs/s for the three together, " + Report.number(cores * 1000.0 / mService, 0)
                        + " for the service alone (the emulator and the database elsewhere, as in production)");
    }
}

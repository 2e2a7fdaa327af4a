package io.coinsphere.exchangesync.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
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
        try (BenchService service = BenchService.start(dir, emulator, true, s.serviceArgs())) {
            report.figure("time from start to ready (Kafka mode)", Report.number(service.startupSeconds(), 1) + " s");
            BenchData data = new BenchData(service.dataSource(), service.vault(), accounts);
            data.insertConnections(0, s.connections());
            ProbeUser probe = ProbeUser.create(service.port(), data, service.vault(), accounts, s.connections());
            ProducerTemplate producer = service.producer();

            List<Cycle> cycles = new ArrayList<>();
            Map<io.coinsphere.exchangesync.exchange.ExchangeId, Long> requestsBefore = emulator.requestCounts();
            Map<String, Double> shares;
            try (CpuProfile profile = new CpuProfile(SyncBenchmark.path(dir, "cycles.jfr"))) {
                profile.start();
                for (int i = 0; i < s.cycles(); i++) {
                    Cycle cycle = Cycle.run(data, producer, probe.userId(), s.connections(), false, null);
                    cycles.add(cycle);
                    System.out.printf("cycle %d: %d syncs (%d failed) in %.2f s = %.0f syncs/s, CPU ms/sync: service %.3f,"
                            + " emulator %.3f, PostgreSQL %.3f, machine %.3f, load %s%n",
                            i + 1, cycle.syncs(), cycle.failed(), cycle.seconds(), cycle.syncsPerSecond(),
                            cycle.cpuMs() / cycle.syncs(), cycle.cpu().emulator() / 1e6 / cycle.syncs(),
                            cycle.cpu().postgres() / 1e6 / cycle.syncs(), cycle.cpu().machine() / 1e6 / cycle.syncs(), Machine.load());
                }
                shares = profile.stop();
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

            loadedCycle(s, data, producer, probe, service, report);

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
    }

    /**
     * The same GET load for 5 s with no sync running: its latency and the service's CPU per request, so the
     * loaded cycle's REST figure can be told apart into the API's own cost and the competition for the cores.
     */
    private static void restWithoutCycle(BenchSettings s, ProbeUser probe, BenchService service, Report report)
            throws Exception {
        RestLoad rest = new RestLoad(service.port(), probe.api().token(), s.restRate());
        long cpu = Machine.processCpuNanos();
        RestLoad.Result result;
        // Kept for `jfr print`: where the CPU of a GET goes.
        try (rest; CpuProfile profile = new CpuProfile(SyncBenchmark.path(service.dataDir(), "rest.jfr"))) {
            profile.start();
            rest.start();
            Thread.sleep(5_000);
            result = rest.stop();
            profile.stop();
        }
        double cpuMs = (Machine.processCpuNanos() - cpu) / 1e6;
        Percentiles latency = new Percentiles(result.latenciesMs());
        report.figure("REST GET /connections p50/p99 at " + s.restRate() + " req/s, no cycle running (5 s)",
                Report.number(latency.at(50), 1) + " / " + Report.number(latency.at(99), 1) + " ms (" + result.sent()
                        + " sent, " + result.errors() + " errors; JVM CPU " + Report.number(cpuMs / result.sent(), 2)
                        + " ms per request, client included)");
    }

    /** One more cycle with GET /connections at a fixed rate and manual syncs queued behind the backlog. */
    private static void loadedCycle(BenchSettings s, BenchData data, ProducerTemplate producer, ProbeUser probe,
            BenchService service, Report report) throws Exception {
        restWithoutCycle(s, probe, service, report);
        RestLoad rest = new RestLoad(service.port(), probe.api().token(), s.restRate());
        ServiceGauges gauges = new ServiceGauges(service.meters());
        AtomicReference<CompletableFuture<ManualSyncProbe.Result>> manual = new AtomicReference<>();
        Cycle loaded;
        try (rest; gauges) {
            loaded = Cycle.run(data, producer, probe.userId(), s.connections(), false, (mark, due) -> {
                rest.start();
                gauges.start();
                // "Full backlog": the fan-out has claimed the cycle and most of it is still waiting.
                manual.set(CompletableFuture.supplyAsync(() -> {
                    try {
                        return ManualSyncProbe.run(probe, data, s.manualSyncs(), () -> data.runsAfter(mark) < due * 0.8);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }));
            });
        }
        RestLoad.Result restResult = rest.stop();
        Percentiles restLatency = new Percentiles(restResult.latenciesMs());
        report.target("REST GET /connections p50/p99 at " + s.restRate() + " req/s during a cycle ("
                + Report.number(loaded.syncsPerSecond(), 0) + " syncs/s)", Report.number(restLatency.at(50), 1) + " / "
                + Report.number(restLatency.at(99), 1) + " ms (" + restResult.sent() + " sent, " + restResult.errors() + " errors; "
                + loaded.syncs() + " of " + loaded.due() + " synced, " + loaded.fanoutErrors() + " fan-out errors)",
                "p99 <= 100 ms", restLatency.at(99) <= 100 && restResult.errors() == 0);
        report.figure("where requests wait during that cycle, max / mean of 50 ms samples", gauges.summary());
        report.figure("GET requests as the service timed them (http.server.requests) during that cycle", gauges.serverSide());
        ManualSyncProbe.Result manualResult = manual.get().join();
        Percentiles manualLatency = new Percentiles(manualResult.latenciesMs());
        report.figure("manual sync latency during a full backlog p50/max (request -> commit)",
                Report.number(manualLatency.at(50), 0) + " / " + Report.number(manualLatency.at(100), 0) + " ms ("
                        + manualLatency.count() + " syncs, " + manualResult.failures() + " failed)");
    }
}

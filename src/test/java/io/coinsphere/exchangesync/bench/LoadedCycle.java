package io.coinsphere.exchangesync.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.ProducerTemplate;

/**
 * The REST figures of the Kafka phase: {@code GET /connections} alone after a warm-up, then one more cycle
 * with the same GET load and manual syncs queued behind the backlog. The load comes from a JVM of its own
 * ({@link RestLoadProcess}), so the service's CPU per request is the server's alone.
 */
final class LoadedCycle {

    private static final long WARM_UP_MILLIS = 10_000;
    private static final long ALONE_MILLIS = 5_000;

    private LoadedCycle() {
    }

    static void run(BenchSettings s, EmulatorProcess emulator, BenchData data, ProducerTemplate producer, ProbeUser probe,
            BenchService service, Report report) throws Exception {
        try (RestLoadProcess rest = RestLoadProcess.start(service.port(), probe.api().token(), s.restRate())) {
            double clientAlone = restWithoutCycle(s, rest, service, report);
            emulator.changeBalances(s.changedPercent());
            double clientLoaded = loaded(s, data, producer, probe, service, rest, report);
            report.figure("CPU ms per GET request of the load client's JVM (/proc/<pid>/stat), no cycle / during the cycle",
                    Report.number(clientAlone, 2) + " / " + Report.number(clientLoaded, 2) + " ms");
        }
    }

    /**
     * The same GET load with no sync running: its latency and the service's CPU per request, so the loaded
     * cycle's REST figure can be told apart into the API's own cost and the competition for the cores. The
     * first 10 s, at four times the rate, are not measured: the GET path is compiled by the JIT before the 5 s
     * that are.
     * Returns the client's CPU ms per request.
     */
    private static double restWithoutCycle(BenchSettings s, RestLoadProcess rest, BenchService service, Report report)
            throws Exception {
        // Four times the rate: enough calls for the JIT to compile the GET path fully (C2 wants thousands), as in a
        // service that has been up for a while.
        rest.start(4 * s.restRate());
        Thread.sleep(WARM_UP_MILLIS);
        RestLoad.Result warmUp = rest.stop();
        System.out.println("REST warm-up: " + warmUp.sent() + " sent, " + warmUp.errors() + " errors, load " + Machine.load());
        long cpu = Machine.processCpuNanos();
        long client = rest.cpuNanos();
        ThreadCpu threads = ThreadCpu.start();
        RestLoad.Result result;
        // Kept for `jfr print`: where the CPU of a GET goes.
        try (CpuProfile profile = new CpuProfile(SyncBenchmark.path(service.dataDir(), "rest.jfr"))) {
            profile.start();
            rest.start();
            Thread.sleep(ALONE_MILLIS);
            result = rest.stop();
            profile.stop();
        }
        double cpuMs = (Machine.processCpuNanos() - cpu) / 1e6;
        Percentiles latency = new Percentiles(result.latenciesMs());
        report.figure("REST GET /connections p50/p99 at " + s.restRate() + " req/s, no cycle running (5 s after a 10 s warm-up)",
                Report.number(latency.at(50), 1) + " / " + Report.number(latency.at(99), 1) + " ms (" + result.sent()
                        + " sent, " + result.errors() + " errors; service JVM CPU " + Report.number(cpuMs / result.sent(), 2)
                        + " ms per request, client in its own JVM)");
        report.figure("service JVM threads that used the CPU in that window (by name, digits dropped)", threads.top(6));
        return clientMsPerRequest(rest, client, result);
    }

    /** One more cycle with GET /connections at a fixed rate and manual syncs queued behind the backlog. */
    private static double loaded(BenchSettings s, BenchData data, ProducerTemplate producer, ProbeUser probe,
            BenchService service, RestLoadProcess rest, Report report) throws Exception {
        ServiceGauges gauges = new ServiceGauges(service.meters());
        AtomicReference<CompletableFuture<ManualSyncProbe.Result>> manual = new AtomicReference<>();
        long client = rest.cpuNanos();
        Cycle loaded;
        try (gauges) {
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
        return clientMsPerRequest(rest, client, restResult);
    }

    private static double clientMsPerRequest(RestLoadProcess rest, long before, RestLoad.Result result) {
        long after = rest.cpuNanos();
        return before < 0 || after < 0 || result.sent() == 0 ? Double.NaN : (after - before) / 1e6 / result.sent();
    }
}

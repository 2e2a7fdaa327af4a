package io.coinsphere.exchangesync.bench;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.ProducerTemplate;

/**
 * One full sync cycle: make {@code n} connections due, run the fan-out claim once (as the Quartz
 * trigger would), and wait until each of them has a committed run. A fan-out that fails (a broker too
 * slow to acknowledge) is run again, as the next Quartz tick would; a cycle that stops making progress
 * is reported as incomplete instead of hanging the benchmark.
 *
 * @param due            connections made due
 * @param syncs          runs committed (success or failure)
 * @param failed         runs that failed
 * @param fanoutErrors   fan-out claims that ended in an error
 * @param seconds        first claim to last commit, by the database's clock
 * @param latenciesMs    claim to commit of each run
 * @param cpuMs          process CPU time from the claim until the last commit was seen
 * @param cpu            CPU nanoseconds of each part of the pipeline over the same span ({@link ProcessCpu})
 * @param heapAfterFanoutMb heap in use after a full GC once the fan-out returned (NaN unless asked)
 */
record Cycle(int due, long syncs, long failed, int fanoutErrors, double seconds, List<Double> latenciesMs, double cpuMs,
        ProcessCpu.Sample cpu, double heapAfterFanoutMb) {

    /** Without progress for this long (and no fan-out running) the rest of the cycle is not coming. */
    private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final int FANOUT_RETRIES = 3;

    double syncsPerSecond() {
        return syncs / seconds;
    }

    boolean complete() {
        return syncs >= due;
    }

    /** Runs the cycle; {@code during} runs on this thread while the cycle is in flight (null: nothing). */
    static Cycle run(BenchData data, ProducerTemplate producer, UUID probeUser, int n, boolean measureHeap, During during)
            throws Exception {
        long mark = data.lastRunId();
        int due = data.makeDue(probeUser, n);
        ProcessCpu.Sample cpu = ProcessCpu.now();
        CompletableFuture<Double> fanout = fanout(producer, measureHeap);
        if (during != null) {
            during.run(mark, due);
        }
        int fanoutErrors = 0;
        long done = data.runsAfter(mark);
        long progressAt = System.nanoTime();
        while (done < due) {
            if (fanout.isCompletedExceptionally()) {
                fanoutErrors++;
                System.out.println("fan-out failed (" + fanout.handle((v, e) -> e).join() + "), load " + Machine.load());
                if (fanoutErrors <= FANOUT_RETRIES) {
                    fanout = fanout(producer, measureHeap);
                }
            }
            if (fanout.isDone() && System.nanoTime() - progressAt > STALL_NANOS) {
                System.out.println("cycle incomplete: " + done + " of " + due + " synced, no progress for 60 s");
                break;
            }
            Thread.sleep(100);
            long now = data.runsAfter(mark);
            if (now > done) {
                done = now;
                progressAt = System.nanoTime();
            }
        }
        ProcessCpu.Sample used = ProcessCpu.now().minus(cpu);
        double cpuMs = used.jvm() / 1e6;
        double heap = fanout.isCompletedExceptionally() ? Double.NaN : fanout.get(60, TimeUnit.SECONDS);
        return new Cycle(due, done, data.failedAfter(mark), fanoutErrors, data.cycleSeconds(mark), data.claimToCommitMillis(mark),
                cpuMs, used, heap);
    }

    private static CompletableFuture<Double> fanout(ProducerTemplate producer, boolean measureHeap) {
        return CompletableFuture.supplyAsync(() -> {
            producer.sendBody("direct:fanout-claim", null);
            return measureHeap ? Machine.heapAfterGcMb() : Double.NaN;
        });
    }

    /** Work done while a cycle runs: told the run id before the cycle and how many syncs it will make. */
    @FunctionalInterface
    interface During {
        void run(long runMark, int due) throws Exception;
    }
}

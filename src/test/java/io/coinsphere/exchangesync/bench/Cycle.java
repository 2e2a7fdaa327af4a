package io.coinsphere.exchangesync.bench;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.ProducerTemplate;

/**
 * One full sync cycle: make {@code n} connections due, run the fan-out claim once (as the Quartz
 * trigger would), and wait until each of them has a committed run.
 *
 * @param syncs          runs committed (success or failure)
 * @param failed         runs that failed
 * @param seconds        first claim to last commit, by the database's clock
 * @param latenciesMs    claim to commit of each run
 * @param cpuMs          process CPU time from the claim until the last commit was seen
 * @param heapAfterFanoutMb heap in use after a full GC once the fan-out returned (NaN unless asked)
 */
record Cycle(long syncs, long failed, double seconds, List<Double> latenciesMs, double cpuMs, double heapAfterFanoutMb) {

    double syncsPerSecond() {
        return syncs / seconds;
    }

    /** Runs the cycle; {@code during} runs on this thread while the cycle is in flight (null: nothing). */
    static Cycle run(BenchData data, ProducerTemplate producer, UUID probeUser, int n, boolean measureHeap, During during)
            throws Exception {
        long mark = data.lastRunId();
        int due = data.makeDue(probeUser, n);
        long cpu = Machine.processCpuNanos();
        CompletableFuture<Double> fanout = CompletableFuture.supplyAsync(() -> {
            producer.sendBody("direct:fanout-claim", null);
            return measureHeap ? Machine.heapAfterGcMb() : Double.NaN;
        });
        if (during != null) {
            during.run(mark, due);
        }
        // Generous: a cycle that has not finished by then is broken, not slow.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300 + due / 10);
        long done = data.runsAfter(mark);
        while (done < due) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("cycle of " + due + " syncs stalled at " + done);
            }
            Thread.sleep(100);
            done = data.runsAfter(mark);
        }
        double cpuMs = (Machine.processCpuNanos() - cpu) / 1e6;
        double heap = fanout.get(60, TimeUnit.SECONDS);
        return new Cycle(done, data.failedAfter(mark), data.cycleSeconds(mark), data.claimToCommitMillis(mark), cpuMs, heap);
    }

    /** Work done while a cycle runs: told the run id before the cycle and how many syncs it will make. */
    @FunctionalInterface
    interface During {
        void run(long runMark, int due) throws Exception;
    }
}

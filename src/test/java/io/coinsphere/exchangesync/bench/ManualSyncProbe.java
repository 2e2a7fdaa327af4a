package io.coinsphere.exchangesync.bench;

import io.coinsphere.exchangesync.support.ApiClient;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Manual syncs during a full backlog: one at a time, from {@code POST .../sync} to the committed run
 * of that connection, while {@code backlog} says the scheduled cycle is still far from done.
 */
final class ManualSyncProbe {

    /** Milliseconds from request to commit of each measured manual sync; refusals and timeouts counted apart. */
    record Result(List<Double> latenciesMs, int failures) {
    }

    private ManualSyncProbe() {
    }

    static Result run(ProbeUser probe, BenchData data, int count, BooleanSupplier backlog) throws InterruptedException {
        List<Double> latencies = new ArrayList<>();
        int failures = 0;
        for (int i = 0; i < count && backlog.getAsBoolean(); i++) {
            UUID id = probe.connectionIds().get(i % probe.connectionIds().size());
            long mark = data.lastRunId();
            long requested = System.currentTimeMillis();
            ApiClient.Response response = probe.api().post("/api/v1/exchanges/connections/" + id + "/sync", null);
            Timestamp finished = null;
            long deadline = requested + 60_000;
            while (response.status() == 202 && finished == null && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
                finished = data.manualRunFinished(id, mark);
            }
            if (finished == null) {
                failures++;
            } else {
                latencies.add((double) (finished.getTime() - requested));
            }
        }
        return new Result(latencies, failures);
    }
}

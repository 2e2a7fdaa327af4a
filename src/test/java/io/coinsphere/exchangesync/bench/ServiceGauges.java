package io.coinsphere.exchangesync.bench;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Where a REST request can wait inside the service, sampled every 50 ms while a cycle runs: threads
 * waiting for a database connection, REST routes queued for an executor thread, and how many threads of
 * each are busy. Read from the service's own Micrometer gauges (the benchmark runs in its JVM).
 */
final class ServiceGauges implements AutoCloseable {

    /** Gauge name and tag value of each sampled figure; the label is what the report calls it. */
    private static final String[][] GAUGES = {
            {"database pool waiting", "hikaricp.connections.pending", null},
            {"database pool in use", "hikaricp.connections.active", null},
            {"REST executor queued", "executor.queued", "applicationTaskExecutor"},
            {"REST executor active", "executor.active", "applicationTaskExecutor"},
            {"sync worker limit", "coinsphere.sync.workers.limit", null},
            {"syncs running", "coinsphere.sync.workers.busy", null},
    };

    private final MeterRegistry registry;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private final Map<String, double[]> stats = new LinkedHashMap<>();

    ServiceGauges(MeterRegistry registry) {
        this.registry = registry;
        for (String[] gauge : GAUGES) {
            stats.put(gauge[0], new double[3]); // max, sum, samples
        }
    }

    private double[] serverBefore;

    void start() {
        serverBefore = serverTimes();
        sampler.scheduleAtFixedRate(this::sample, 0, 50, TimeUnit.MILLISECONDS);
    }

    private synchronized void sample() {
        for (String[] gauge : GAUGES) {
            double sum = 0;
            boolean found = false;
            // Several pools of one kind add up (the executor by name; every Hikari pool).
            for (Gauge g : registry.find(gauge[1]).gauges()) {
                if (gauge[2] == null || gauge[2].equals(g.getId().getTag("name"))) {
                    sum += g.value();
                    found = true;
                }
            }
            if (found) {
                double[] s = stats.get(gauge[0]);
                s[0] = Math.max(s[0], sum);
                s[1] += sum;
                s[2]++;
            }
        }
    }

    /**
     * Count, total and max seconds of the GET requests the service measured itself (Spring's
     * {@code http.server.requests}: from the first filter to the end of the asynchronous answer).
     */
    private double[] serverTimes() {
        double[] t = new double[3];
        for (io.micrometer.core.instrument.Timer timer : registry.find("http.server.requests").tag("method", "GET").timers()) {
            t[0] += timer.count();
            t[1] += timer.totalTime(TimeUnit.SECONDS);
            t[2] = Math.max(t[2], timer.max(TimeUnit.SECONDS));
        }
        return t;
    }

    /** Mean and max server-side time of the GET requests since {@link #start()}, in ms. */
    String serverSide() {
        double[] now = serverTimes();
        double count = now[0] - serverBefore[0];
        return count == 0 ? "n/a" : Report.number((now[1] - serverBefore[1]) / count * 1000, 1) + " ms mean, "
                + Report.number(now[2] * 1000, 0) + " ms max (" + Report.number(count, 0) + " requests)";
    }

    /** "label max/mean" of each figure, or "n/a" for a gauge the service does not have. */
    synchronized String summary() {
        StringBuilder text = new StringBuilder();
        stats.forEach((label, s) -> {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(label).append(' ').append(s[2] == 0 ? "n/a"
                    : Report.number(s[0], 0) + " / " + Report.number(s[1] / s[2], 1));
        });
        return text.toString();
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}

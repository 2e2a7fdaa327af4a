package io.coinsphere.exchangesync.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code GET /api/v1/exchanges/connections} at a fixed rate, open loop: a request leaves every
 * 1/rate seconds whether or not the previous ones answered, so a slow server shows in the latencies
 * instead of lowering the rate. The engine of {@link RestLoadMain}: it runs in the load client's JVM,
 * never in the service's, so the client's CPU and JIT warm-up are not counted as the service's.
 * Started and stopped any number of times; the HTTP client and its connections stay between runs.
 */
final class RestLoad implements AutoCloseable {

    /** Latencies in ms of the answered requests, and the count of non-200 answers or failures. */
    record Result(List<Double> latenciesMs, int errors, int sent) {

        private static final String PREFIX = "RESULT ";

        /** One line for the parent: {@code RESULT sent=N errors=E latencies=1.234,5.678}. */
        String toLine() {
            StringBuilder line = new StringBuilder(PREFIX).append("sent=").append(sent).append(" errors=").append(errors)
                    .append(" latencies=");
            for (int i = 0; i < latenciesMs.size(); i++) {
                line.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.3f", latenciesMs.get(i)));
            }
            return line.toString();
        }

        static Result parse(String line) {
            if (!line.startsWith(PREFIX)) {
                throw new IllegalArgumentException("not a result line: " + line);
            }
            int sent = -1;
            int errors = -1;
            List<Double> latencies = new ArrayList<>();
            for (String field : line.substring(PREFIX.length()).split(" ")) {
                String value = field.substring(field.indexOf('=') + 1);
                if (field.startsWith("sent=")) {
                    sent = Integer.parseInt(value);
                } else if (field.startsWith("errors=")) {
                    errors = Integer.parseInt(value);
                } else if (field.startsWith("latencies=") && !value.isEmpty()) {
                    for (String ms : value.split(",")) {
                        latencies.add(Double.parseDouble(ms));
                    }
                }
            }
            if (sent < 0 || errors < 0) {
                throw new IllegalArgumentException("incomplete result line: " + line);
            }
            return new Result(List.copyOf(latencies), errors, sent);
        }
    }

    private final ExecutorService httpThreads = Executors.newFixedThreadPool(4);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(httpThreads)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final HttpRequest request;
    private final int rate;
    private Run run;

    RestLoad(int port, String token, int rate) {
        this.rate = rate;
        // A request without an answer after 10 s counts as an error (the failure of sendAsync).
        this.request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/exchanges/connections"))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(10)).GET().build();
    }

    /** The counters of one start..stop; answers of an earlier run still in flight land in that run's counters. */
    private static final class Run {
        final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        final ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        final AtomicInteger errors = new AtomicInteger();
        final AtomicInteger sent = new AtomicInteger();
    }

    synchronized void start() {
        start(rate);
    }

    /** The same load at another rate (the warm-up). */
    synchronized void start(int requestsPerSecond) {
        if (run != null) {
            throw new IllegalStateException("already running");
        }
        Run current = new Run();
        run = current;
        current.ticker.scheduleAtFixedRate(() -> send(current), 0, 1_000_000_000L / requestsPerSecond, TimeUnit.NANOSECONDS);
    }

    private void send(Run into) {
        long start = System.nanoTime();
        into.sent.incrementAndGet();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure != null || response.statusCode() != 200) {
                into.errors.incrementAndGet();
            } else {
                into.latencies.add((System.nanoTime() - start) / 1e6);
            }
        });
    }

    /** Stops sending, waits for the requests in flight (at most their timeout), and returns what was measured. */
    synchronized Result stop() throws InterruptedException {
        if (run == null) {
            throw new IllegalStateException("not running");
        }
        Run current = run;
        run = null;
        current.ticker.shutdownNow();
        current.ticker.awaitTermination(5, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(11);
        while (current.latencies.size() + current.errors.get() < current.sent.get() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return new Result(List.copyOf(current.latencies), current.errors.get(), current.sent.get());
    }

    @Override
    public synchronized void close() {
        if (run != null) {
            run.ticker.shutdownNow();
        }
        httpThreads.shutdownNow();
    }
}

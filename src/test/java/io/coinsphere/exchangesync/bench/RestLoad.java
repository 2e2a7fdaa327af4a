package io.coinsphere.exchangesync.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code GET /api/v1/exchanges/connections} at a fixed rate, open loop: a request leaves every
 * 1/rate seconds whether or not the previous ones answered, so a slow server shows in the latencies
 * instead of lowering the rate.
 */
final class RestLoad implements AutoCloseable {

    /** Latencies in ms of the answered requests, and the count of non-200 answers or failures. */
    record Result(List<Double> latenciesMs, int errors, int sent) {
    }

    private final ExecutorService httpThreads = Executors.newFixedThreadPool(4);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(httpThreads)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicInteger sent = new AtomicInteger();
    private final HttpRequest request;
    private final int rate;

    RestLoad(int port, String token, int rate) {
        this.rate = rate;
        this.request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/exchanges/connections"))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(10)).GET().build();
    }

    void start() {
        ticker.scheduleAtFixedRate(this::send, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
    }

    private void send() {
        long start = System.nanoTime();
        sent.incrementAndGet();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure != null || response.statusCode() != 200) {
                errors.incrementAndGet();
            } else {
                latencies.add((System.nanoTime() - start) / 1e6);
            }
        });
    }

    /** Stops sending, gives the requests in flight a moment to answer, and returns what was measured. */
    Result stop() throws InterruptedException {
        ticker.shutdownNow();
        ticker.awaitTermination(5, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (latencies.size() + errors.get() < sent.get() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return new Result(List.copyOf(latencies), errors.get(), sent.get());
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        httpThreads.shutdownNow();
    }
}

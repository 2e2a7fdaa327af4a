package io.coinsphere.exchangesync.database;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The {@code db} health (and readiness) check with a deadline of its own ({@code coinsphere.database.health-timeout},
 * 2 s): a stalled database turns readiness DOWN within a probe's timeout instead of hanging the probe. One check at
 * a time: probes that come while one is still waiting share its answer rather than pile up threads.
 */
class DatabaseHealth implements HealthIndicator, AutoCloseable {

    private final DataSource dataSource;
    private final Duration timeout;
    private final ExecutorService checker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "database-health");
        t.setDaemon(true);
        return t;
    });
    private CompletableFuture<Health> running;

    DatabaseHealth(DataSource dataSource, Duration timeout) {
        this.dataSource = dataSource;
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        CompletableFuture<Health> check = current();
        try {
            return check.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Health.down().withDetail("error", "no answer within " + timeout.toMillis() + " ms").build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().build();
        } catch (java.util.concurrent.ExecutionException e) {
            return Health.down().withDetail("error", e.getCause().getClass().getSimpleName()).build();
        }
    }

    private synchronized CompletableFuture<Health> current() {
        if (running == null || running.isDone()) {
            running = CompletableFuture.supplyAsync(this::check, checker);
        }
        return running;
    }

    private Health check() {
        int seconds = (int) Math.max(1, timeout.toSeconds());
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(seconds)
                    ? Health.up().withDetail("database", c.getMetaData().getDatabaseProductName()).build()
                    : Health.down().withDetail("error", "the connection did not answer").build();
        } catch (Exception e) {
            // The class only: a driver message can name hosts and users.
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }

    @Override
    public void close() {
        checker.shutdownNow();
    }
}

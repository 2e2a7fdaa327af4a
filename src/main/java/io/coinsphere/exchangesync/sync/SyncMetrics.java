package io.coinsphere.exchangesync.sync;

import io.coinsphere.exchangesync.exchange.CredentialsRejected;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.RateLimited;
import io.coinsphere.exchangesync.sync.SyncAttempts;
import io.coinsphere.exchangesync.sync.SyncHeaders;
import io.coinsphere.exchangesync.vault.VaultException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Records every finished sync: the Micrometer meters and the one log line per sync. Called from the sync
 * routes at their two ends (holdings committed; failure recorded), so every sync is counted exactly once.
 * The body at both points is the parameter map of the SQL that recorded the run (assets, status, attempts).
 */
@Component
public class SyncMetrics {

    static final String DURATION = "coinsphere.sync.duration";
    static final String SYNCS = "coinsphere.sync.completed";
    static final String RETRIES = "coinsphere.sync.retries";
    static final String DEAD_LETTERS = "coinsphere.sync.dead.letters";
    static final String EXCHANGE_CALLS = "coinsphere.exchange.calls";

    private static final Logger LOG = LoggerFactory.getLogger("io.coinsphere.exchangesync.sync.finished");

    private final MeterRegistry registry;
    private final Clock clock;

    @Autowired
    public SyncMetrics(MeterRegistry registry) {
        this(registry, Clock.systemUTC());
    }

    SyncMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** The holdings of the sync were committed. */
    public void succeeded(Map<String, Object> params, Exchange exchange) {
        record(exchange, "success", "none", params);
    }

    /** The sync failed for good: status {@code error} (retries exhausted, dead-lettered) or {@code disabled}. */
    public void failed(Map<String, Object> params, Exchange exchange) {
        String status = String.valueOf(params.get("status"));
        String kind = errorKind(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        if ("error".equals(status)) {
            registry.counter(DEAD_LETTERS, "exchange", exchangeOf(exchange)).increment();
        }
        record(exchange, status, kind, params);
    }

    /** A low-cardinality name for the cause, for the {@code error_kind} tag. */
    static String errorKind(Throwable cause) {
        if (cause instanceof RateLimited) {
            return "rate_limited";
        }
        if (cause instanceof ExchangeUnavailable) {
            return "exchange_unavailable";
        }
        if (cause instanceof CredentialsRejected) {
            return "credentials_rejected";
        }
        if (cause instanceof VaultException) {
            return "credentials_unreadable";
        }
        return cause == null ? "none" : "internal";
    }

    private void record(Exchange exchange, String outcome, String kind, Map<String, Object> params) {
        String exchangeId = exchangeOf(exchange);
        String trigger = exchange.getMessage().getHeader(SyncHeaders.TRIGGER, "scheduled", String.class);
        Duration duration = durationOf(exchange);
        int attempts = Math.max(1, SyncAttempts.of(exchange));
        Timer.builder(DURATION).description("Time from a worker taking a sync to its outcome being recorded")
                .tags("exchange", exchangeId, "trigger", trigger, "outcome", outcome)
                .publishPercentileHistogram()
                .register(registry).record(duration);
        Counter.builder(SYNCS).description("Finished syncs by outcome and error kind")
                .tags("exchange", exchangeId, "trigger", trigger, "outcome", outcome, "error_kind", kind)
                .register(registry).increment();
        // Each try is one call of the exchange's balance endpoint(s): the outbound use per exchange.
        registry.counter(EXCHANGE_CALLS, "exchange", exchangeId).increment(SyncAttempts.of(exchange));
        if (attempts > 1) {
            registry.counter(RETRIES, "exchange", exchangeId).increment(attempts - 1);
        }
        Object assets = params.getOrDefault("assets", 0);
        if ("success".equals(outcome)) {
            LOG.info("Sync finished: connection={} exchange={} trigger={} outcome={} durationMs={} assets={} attempts={}",
                    exchange.getMessage().getHeader(SyncHeaders.CONNECTION_ID), exchangeId, trigger, outcome,
                    duration.toMillis(), assets, attempts);
        } else {
            // The error text is our own user-facing sentence (see SyncOutcomes); it never carries a secret.
            LOG.warn("Sync finished: connection={} exchange={} trigger={} outcome={} durationMs={} assets={} attempts={}"
                    + " errorKind={} error=\"{}\"", exchange.getMessage().getHeader(SyncHeaders.CONNECTION_ID), exchangeId,
                    trigger, outcome, duration.toMillis(), assets, attempts, kind, params.get("error"));
        }
    }

    private Duration durationOf(Exchange exchange) {
        OffsetDateTime started = exchange.getMessage().getHeader(SyncHeaders.STARTED_AT, OffsetDateTime.class);
        if (started == null) {
            return Duration.ZERO;
        }
        Duration elapsed = Duration.between(started.toInstant(), clock.instant());
        return elapsed.isNegative() ? Duration.ZERO : elapsed;
    }

    private static String exchangeOf(Exchange exchange) {
        return exchange.getMessage().getHeader(SyncHeaders.EXCHANGE, "unknown", String.class);
    }
}

package io.coinsphere.exchangesync.exchange;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where each exchange's REST API lives, how long we wait for it, how fast we may call it and when
 * we stop calling it ({@code coinsphere.exchanges.*}). The endpoints are one per {@link ExchangeId},
 * read from {@code coinsphere.exchanges.<id>.*} by {@link ExchangesConfiguration} over the registry's defaults.
 */
public record ExchangesProperties(
        Duration connectTimeout,
        Duration readTimeout,
        Map<ExchangeId, Endpoint> endpoints,
        Duration clockRefresh,
        Duration maxBudgetWait,
        CircuitBreaker circuitBreaker) {

    public ExchangesProperties {
        Map<ExchangeId, Endpoint> complete = new EnumMap<>(ExchangeId.class);
        for (ExchangeId id : ExchangeId.values()) {
            Endpoint endpoint = endpoints.get(id);
            complete.put(id, endpoint == null ? Endpoint.of(id.defaultBaseUrl()) : endpoint.orDefaultsOf(id));
        }
        endpoints = Map.copyOf(complete);
    }

    /** The settings shared by every exchange, bound as configuration properties. */
    @Validated
    @ConfigurationProperties(prefix = "coinsphere.exchanges")
    public record Settings(
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("15s") Duration readTimeout,
            /* How often the offset to an exchange's clock is measured again (also after any timestamp error). */
            @DefaultValue("10m") Duration clockRefresh,
            /* Longest a call waits for rate budget or a Retry-After pause; beyond it the sync is retried later. */
            @DefaultValue("30s") Duration maxBudgetWait,
            @DefaultValue @NotNull CircuitBreaker circuitBreaker) {
    }

    /** The defaults for everything but the endpoints; exchanges missing from {@code endpoints} get their production URL. */
    public static ExchangesProperties of(Duration connectTimeout, Duration readTimeout, Map<ExchangeId, Endpoint> endpoints) {
        return new ExchangesProperties(connectTimeout, readTimeout, endpoints,
                Duration.ofMinutes(10), Duration.ofSeconds(30), new CircuitBreaker(5, Duration.ofSeconds(60)));
    }

    /**
     * One exchange: its REST base URL ({@code https://api.binance.com}), its outbound rate budget
     * (unset parts take the exchange's defaults, see {@link ExchangeId#defaultBudget()}) and, for Binance, how
     * often the costly Simple Earn positions are read (the earn wallet keeps its amounts in between).
     */
    public record Endpoint(URI baseUrl, Budget budget, Duration earnRefresh) {

        public static Endpoint of(URI baseUrl) {
            return new Endpoint(baseUrl, null, null);
        }

        Endpoint orDefaultsOf(ExchangeId id) {
            return baseUrl != null ? this : new Endpoint(id.defaultBaseUrl(), budget, earnRefresh);
        }
    }

    /**
     * A token bucket: up to {@code capacity} tokens, {@code refill} tokens added every {@code period}.
     * A call costs its request weight (Binance) or 1. {@code perKey} declares where the exchange counts its
     * limit: per API key, profile or account (true: one bucket per key, and a 429 pauses only that key) or per
     * client address (false, Binance: one bucket for the exchange, and a 429 pauses every key). A new exchange
     * states it in its {@link ExchangeId} entry. {@code shared} (default false) keeps the one bucket of a per-address
     * budget in PostgreSQL, so that every instance behind one address draws from the same budget.
     */
    public record Budget(Long capacity, Long refill, Duration period, Boolean perKey, Boolean shared) {

        @ConstructorBinding
        public Budget {
        }

        /** A budget of one instance (not shared), as the registry states its defaults. */
        public Budget(Long capacity, Long refill, Duration period, Boolean perKey) {
            this(capacity, refill, period, perKey, null);
        }

        /** Whether instances share it (unset: no). */
        public boolean isShared() {
            return Boolean.TRUE.equals(shared);
        }

        /** Limits that stay under each exchange's documented one, with the bucket's burst counted in. */
        public static Budget defaults(ExchangeId id) {
            return id.defaultBudget();
        }

        /** This budget with unset parts filled from {@code fallback}. */
        public Budget orElse(Budget fallback) {
            return new Budget(capacity != null ? capacity : fallback.capacity, refill != null ? refill : fallback.refill,
                    period != null ? period : fallback.period, perKey != null ? perKey : fallback.perKey,
                    shared != null ? shared : fallback.shared);
        }
    }

    /** After {@code failures} consecutive 5xx/timeouts an exchange is not called for {@code openFor}. */
    public record CircuitBreaker(@DefaultValue("5") int failures, @DefaultValue("60s") Duration openFor) {
    }

    public Endpoint endpoint(ExchangeId id) {
        return endpoints.get(id);
    }

    /** A copy with Binance's Simple Earn read at most every {@code refresh}. */
    public ExchangesProperties withBinanceEarnRefresh(Duration refresh) {
        Map<ExchangeId, Endpoint> changed = new EnumMap<>(endpoints);
        Endpoint binance = endpoint(ExchangeId.BINANCE);
        changed.put(ExchangeId.BINANCE, new Endpoint(binance.baseUrl(), binance.budget(), refresh));
        return new ExchangesProperties(connectTimeout, readTimeout, changed, clockRefresh, maxBudgetWait, circuitBreaker);
    }

    /** The exchange's budget: configured parts over its defaults. */
    public Budget budget(ExchangeId id) {
        Budget configured = endpoint(id).budget();
        return configured == null ? Budget.defaults(id) : configured.orElse(Budget.defaults(id));
    }
}

package io.coinsphere.exchangesync.exchange;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where each exchange's REST API lives, how long we wait for it, how fast we may call it and when
 * we stop calling it ({@code coinsphere.exchanges.*}).
 */
@Validated
@ConfigurationProperties(prefix = "coinsphere.exchanges")
public record ExchangesProperties(
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("15s") Duration readTimeout,
        @NotNull Endpoint binance,
        @NotNull Endpoint coinbase,
        @NotNull Endpoint kraken,
        @NotNull Endpoint kucoin,
        @NotNull Endpoint coinbaseAdvanced,
        @NotNull Endpoint bitstamp,
        /* How often the offset to an exchange's clock is measured again (also after any timestamp error). */
        @DefaultValue("10m") Duration clockRefresh,
        /* Longest a call waits for rate budget or a Retry-After pause; beyond it the sync is retried later. */
        @DefaultValue("30s") Duration maxBudgetWait,
        @DefaultValue @NotNull CircuitBreaker circuitBreaker) {

    /** The defaults for everything but the endpoints (one constructor only, for configuration binding). */
    public static ExchangesProperties of(Duration connectTimeout, Duration readTimeout,
            Endpoint binance, Endpoint coinbase, Endpoint kraken, Endpoint kucoin, Endpoint coinbaseAdvanced,
            Endpoint bitstamp) {
        return new ExchangesProperties(connectTimeout, readTimeout, binance, coinbase, kraken, kucoin, coinbaseAdvanced, bitstamp,
                Duration.ofMinutes(10), Duration.ofSeconds(30), new CircuitBreaker(5, Duration.ofSeconds(60)));
    }

    /**
     * One exchange: its REST base URL ({@code https://api.binance.com}), its outbound rate budget
     * (unset parts take the exchange's defaults, see {@link Budget#defaults}) and, for Binance, how
     * often the costly Simple Earn positions are read (the earn wallet keeps its amounts in between).
     */
    public record Endpoint(@NotNull URI baseUrl, Budget budget, Duration earnRefresh) {

        public static Endpoint of(URI baseUrl) {
            return new Endpoint(baseUrl, null, null);
        }
    }

    /**
     * A token bucket: up to {@code capacity} tokens, {@code refill} tokens added every {@code period}.
     * A call costs its request weight (Binance) or 1. {@code perKey} declares where the exchange counts its
     * limit: per API key, profile or account (true: one bucket per key, and a 429 pauses only that key) or per
     * client address (false, Binance: one bucket for the exchange, and a 429 pauses every key). A new exchange
     * states it in {@link #defaults}.
     */
    public record Budget(Long capacity, Long refill, Duration period, Boolean perKey) {

        /** Limits that stay under each exchange's documented one, with the bucket's burst counted in. */
        public static Budget defaults(ExchangeId id) {
            return switch (id) {
                // 6000 weight per minute and IP: burst 1000 + 4800 per minute stays under it in any window.
                case BINANCE -> new Budget(1000L, 4800L, Duration.ofMinutes(1), false);
                // 15 requests per second per profile (burst 30).
                case COINBASE -> new Budget(10L, 10L, Duration.ofSeconds(1), true);
                // A per-key counter of 15 (starter tier) that decays by 0.33 per second.
                case KRAKEN -> new Budget(10L, 1L, Duration.ofSeconds(4), true);
                // 2000 per 30 s pool.
                case KUCOIN -> new Budget(500L, 1000L, Duration.ofSeconds(30), true);
                // 30 requests per second per key: burst 15 + 15 per second stays under it in any second.
                case COINBASE_ADVANCED -> new Budget(15L, 15L, Duration.ofSeconds(1), true);
                // 400 per second and 10,000 per 10 minutes (per address: Bitstamp bans the IP): burst 300 + 9000
                // per 10 minutes stays under both in any window.
                case BITSTAMP -> new Budget(300L, 9000L, Duration.ofMinutes(10), false);
            };
        }

        /** This budget with unset parts filled from {@code fallback}. */
        public Budget orElse(Budget fallback) {
            return new Budget(capacity != null ? capacity : fallback.capacity, refill != null ? refill : fallback.refill,
                    period != null ? period : fallback.period, perKey != null ? perKey : fallback.perKey);
        }
    }

    /** After {@code failures} consecutive 5xx/timeouts an exchange is not called for {@code openFor}. */
    public record CircuitBreaker(@DefaultValue("5") int failures, @DefaultValue("60s") Duration openFor) {
    }

    public Endpoint endpoint(ExchangeId id) {
        return switch (id) {
            case BINANCE -> binance;
            case COINBASE -> coinbase;
            case KRAKEN -> kraken;
            case KUCOIN -> kucoin;
            case COINBASE_ADVANCED -> coinbaseAdvanced;
            case BITSTAMP -> bitstamp;
        };
    }

    /** A copy with Binance's Simple Earn read at most every {@code refresh}. */
    public ExchangesProperties withBinanceEarnRefresh(Duration refresh) {
        return new ExchangesProperties(connectTimeout, readTimeout, new Endpoint(binance.baseUrl(), binance.budget(), refresh),
                coinbase, kraken, kucoin, coinbaseAdvanced, bitstamp, clockRefresh, maxBudgetWait, circuitBreaker);
    }

    /** The exchange's budget: configured parts over its defaults. */
    public Budget budget(ExchangeId id) {
        Budget configured = endpoint(id).budget();
        return configured == null ? Budget.defaults(id) : configured.orElse(Budget.defaults(id));
    }
}

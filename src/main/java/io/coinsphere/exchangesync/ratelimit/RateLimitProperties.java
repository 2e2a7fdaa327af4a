package io.coinsphere.exchangesync.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * API rate limits ({@code coinsphere.rate-limit.*}).
 *
 * @param enabled        false: no limits at all (and no RateLimit-* headers)
 * @param store          where the buckets live: this instance's memory, or PostgreSQL shared by every instance
 * @param api            every {@code /api/**} request, per client address
 * @param login          {@code /api/v1/auth/login} on top of {@code api}, per client address
 * @param exchangeTest   key tests, connects and key replacements on top of {@code api}, per user (each one calls an exchange)
 * @param accountLogin   failed password checks per account (API login and HTTP Basic), whatever the address
 * @param trustedProxies addresses or CIDR ranges of reverse proxies whose {@code X-Forwarded-For} is believed;
 *                       empty: the header is ignored
 * @param maxBuckets     most buckets kept in memory (store=memory); idle ones go first
 * @param cleanupInterval how often buckets that have refilled completely are dropped, at least every second; the timer
 *                       of routes/ratelimit.camel.yaml reads it, so write it as 30s, 1m or 1h (not PT1M)
 */
@Validated
@ConfigurationProperties(prefix = "coinsphere.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("memory") @NotNull Store store,
        @Valid Limit api,
        @Valid Limit login,
        @Valid Limit exchangeTest,
        @Valid Limit accountLogin,
        @DefaultValue({}) @NotNull List<String> trustedProxies,
        @DefaultValue("100000") @Min(100) int maxBuckets,
        @DefaultValue("1m") @NotNull @DurationMin(seconds = 1) Duration cleanupInterval) {

    public RateLimitProperties {
        api = api != null ? api : new Limit(100, Duration.ofMinutes(15));
        login = login != null ? login : new Limit(10, Duration.ofMinutes(1));
        exchangeTest = exchangeTest != null ? exchangeTest : new Limit(10, Duration.ofMinutes(1));
        accountLogin = accountLogin != null ? accountLogin : new Limit(10, Duration.ofMinutes(15));
    }

    /** Where buckets are kept. */
    public enum Store {
        MEMORY, POSTGRES
    }

    /**
     * {@code requests} per {@code period}: a bucket of that many tokens, refilled evenly over the period.
     *
     * @param requests how many requests a full bucket allows at once
     * @param period   how long an empty bucket takes to refill completely
     */
    public record Limit(@Min(1) long requests, @NotNull Duration period) {

        public Limit {
            if (period != null && period.toMillis() < 1) {
                throw new IllegalArgumentException("a rate limit period must be positive");
            }
        }

        @Override
        public String toString() {
            return requests + "/" + period.toMillis() + "ms";
        }
    }
}

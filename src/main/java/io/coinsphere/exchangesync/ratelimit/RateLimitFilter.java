package io.coinsphere.exchangesync.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coinsphere.exchangesync.auth.SecurityConfig;
import io.coinsphere.exchangesync.ratelimit.RateLimitProperties.Limit;
import io.coinsphere.exchangesync.web.ApiError;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Draws one token per request from each of the request's buckets, reports the tightest bucket in
 * {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset}, and answers 429
 * {@code rate_limited} with {@code Retry-After} once a bucket is empty. Runs once per request: a long-lived
 * event stream counts once, when it connects; error and async dispatches do not count again.
 */
public abstract class RateLimitFilter extends OncePerRequestFilter {

    /** The quota reported so far for this request, so a later filter only replaces it with a tighter one. */
    static final String QUOTA_ATTRIBUTE = RateLimitFilter.class.getName() + ".quota";

    private static final Logger LOG = LoggerFactory.getLogger(RateLimitFilter.class);
    private static final long WARN_EVERY_NANOS = 60_000_000_000L;

    private final BucketStore store;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    protected RateLimitFilter(BucketStore store, ObjectMapper json, MeterRegistry meters) {
        this.store = store;
        this.json = json;
        this.meters = meters;
    }

    /** One bucket a request draws from. */
    protected record Draw(String rule, String key, Limit limit) {
    }

    /** The buckets this request draws from, in order; empty when it is exempt. */
    protected abstract List<Draw> draws(HttpServletRequest request);

    /** The path the rules look at: the container's decoded path, without the context path or parameters. */
    protected static String path(HttpServletRequest request) {
        String info = request.getPathInfo();
        return request.getServletPath() + (info == null ? "" : info);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Quota reported = request.getAttribute(QUOTA_ATTRIBUTE) instanceof Quota earlier ? earlier : null;
        for (Draw draw : draws(request)) {
            Quota quota = safely(() -> store.take(draw.key(), draw.limit()));
            if (quota == null) {
                break;
            }
            reported = Quota.tighter(reported, quota);
            if (!quota.allowed()) {
                refuse(request, response, draw, quota);
                return;
            }
        }
        if (reported != null) {
            request.setAttribute(QUOTA_ATTRIBUTE, reported);
            headers(response, reported);
        }
        chain.doFilter(request, response);
    }

    /**
     * Asks the store; null when it fails. The API needs the same database anyway: a failing store must not
     * turn every request into a 500, so requests then pass unlimited.
     */
    protected Quota safely(Supplier<Quota> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            warnStoreFailure(e);
            return null;
        }
    }

    protected BucketStore store() {
        return store;
    }

    /** Answers 429 for an empty bucket. */
    protected void refuse(HttpServletRequest request, HttpServletResponse response, Draw draw, Quota quota)
            throws IOException {
        meters.counter("coinsphere.ratelimit.rejected", "rule", draw.rule()).increment();
        LOG.debug("Rate limit {} reached; retry after {} s", draw.rule(), quota.retryAfterSeconds());
        tooManyRequests(response, quota, request.isSecure());
    }

    private static void headers(HttpServletResponse response, Quota quota) {
        response.setHeader("RateLimit-Limit", Long.toString(quota.limit()));
        response.setHeader("RateLimit-Remaining", Long.toString(quota.remaining()));
        response.setHeader("RateLimit-Reset", Long.toString(quota.resetSeconds()));
    }

    private void tooManyRequests(HttpServletResponse response, Quota quota, boolean secure) throws IOException {
        headers(response, quota);
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(quota.retryAfterSeconds()));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        // This answer leaves before Spring Security's header writers run, so it carries the same headers itself.
        response.setHeader("X-Content-Type-Options", "nosniff");
        // A JSON answer loads nothing: the same policy as the management paths.
        response.setHeader("Content-Security-Policy", SecurityConfig.MANAGEMENT_CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (secure) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ApiError.of("rate_limited",
                "Too many requests: try again in " + quota.retryAfterSeconds() + " s", null));
    }

    private void warnStoreFailure(RuntimeException e) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            LOG.warn("Rate limit store unavailable, requests pass unlimited until it answers again: {}", e.toString());
        }
    }
}

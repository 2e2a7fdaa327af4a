package io.coinsphere.exchangesync.emulator;

import java.time.Duration;
import java.util.Objects;

/** A scripted failure the emulator answers with instead of the real response. */
public final class Failure {

    /** Longer than our default 15 s read timeout, so a {@link #timeout()} is seen as one. */
    public static final Duration DEFAULT_TIMEOUT_HOLD = Duration.ofSeconds(30);

    enum Kind { SERVER_ERROR, TIMEOUT, MALFORMED_JSON, RATE_LIMITED }

    private final Kind kind;
    private final int status;
    private final Duration duration;

    private Failure(Kind kind, int status, Duration duration) {
        this.kind = kind;
        this.status = status;
        this.duration = duration;
    }

    /** An HTML error page with the given 5xx status, as a CDN or load balancer sends it. */
    public static Failure serverError(int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("not a 5xx status: " + status);
        }
        return new Failure(Kind.SERVER_ERROR, status, Duration.ZERO);
    }

    /** Holds the request for {@link #DEFAULT_TIMEOUT_HOLD}, then closes the connection without answering. */
    public static Failure timeout() {
        return timeout(DEFAULT_TIMEOUT_HOLD);
    }

    /** Holds the request for {@code hold} (make it longer than the client's read timeout), then closes it. */
    public static Failure timeout(Duration hold) {
        return new Failure(Kind.TIMEOUT, 0, requirePositive(hold));
    }

    /** HTTP 200 with a JSON content type and a truncated JSON body. */
    public static Failure malformedJson() {
        return new Failure(Kind.MALFORMED_JSON, 200, Duration.ZERO);
    }

    /** HTTP 429 with {@code Retry-After} (whole seconds, rounded up) and the exchange's own error body. */
    public static Failure rateLimited(Duration retryAfter) {
        return new Failure(Kind.RATE_LIMITED, 429, requirePositive(retryAfter));
    }

    Kind kind() {
        return kind;
    }

    int status() {
        return status;
    }

    /** The hold time of a timeout, or the retry-after of a rate limit. */
    Duration duration() {
        return duration;
    }

    private static Duration requirePositive(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive: " + duration);
        }
        return duration;
    }

    @Override
    public String toString() {
        return "Failure[" + kind + (status > 0 ? " " + status : "") + (duration.isZero() ? "" : " " + duration) + "]";
    }
}

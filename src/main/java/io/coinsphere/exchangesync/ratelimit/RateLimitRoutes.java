package io.coinsphere.exchangesync.ratelimit;

import java.time.Duration;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/** Drops buckets that have refilled completely, so idle clients cost neither memory nor rows. */
public class RateLimitRoutes extends RouteBuilder {

    private final BucketStore buckets;
    private final Duration interval;

    public RateLimitRoutes(BucketStore buckets, Duration interval) {
        this.buckets = buckets;
        this.interval = interval;
    }

    @Override
    public void configure() {
        long millis = Math.max(1000, interval.toMillis());
        from("timer:ratelimit-expire?period=" + millis + "&delay=" + millis)
            .routeId("ratelimit-expire")
            .process(exchange -> exchange.getMessage().setBody(buckets.removeExpired()))
            .filter(simple("${body} > 0"))
                .log(LoggingLevel.DEBUG, "Removed ${body} refilled rate limit bucket(s)")
            .end();
    }
}

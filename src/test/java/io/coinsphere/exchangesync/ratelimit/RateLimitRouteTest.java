package io.coinsphere.exchangesync.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.ops.TimerErrorPolicy;
import io.coinsphere.exchangesync.ratelimit.RateLimitProperties.Limit;
import io.coinsphere.exchangesync.support.YamlRoutes;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** routes/ratelimit.camel.yaml: the cleanup timer drops refilled buckets, and exists only with rate limits on. */
class RateLimitRouteTest {

    private DefaultCamelContext camel;

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.stop();
        }
    }

    @Test
    void everyIntervalTheRefilledBucketsGoAndTheOthersStay() throws Exception {
        MemoryBucketStore buckets = new MemoryBucketStore(100);
        buckets.take("refilled-at-once", new Limit(10, Duration.ofMillis(10)));
        buckets.take("refills-in-an-hour", new Limit(10, Duration.ofHours(1)));
        camel = start("true", buckets);
        NotifyBuilder tick = new NotifyBuilder(camel).fromRoute("ratelimit-expire").whenDone(1).create();

        assertThat(tick.matches(10, TimeUnit.SECONDS)).as("one cleanup tick").isTrue();
        assertThat(buckets.size()).isEqualTo(1);
        assertThat(buckets.peek("refills-in-an-hour", new Limit(10, Duration.ofHours(1))).remaining()).isEqualTo(9);
    }

    @Test
    void withoutRateLimitsThereIsNoBucketStoreAndNoRoute() throws Exception {
        camel = start("false", null);

        assertThat(camel.getRoute("ratelimit-expire")).isNull();
    }

    private static DefaultCamelContext start(String enabled, BucketStore buckets) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("coinsphere.rate-limit.enabled", enabled);
        properties.setProperty("coinsphere.rate-limit.cleanup-interval", "1s");
        DefaultCamelContext context = YamlRoutes.context(properties);
        if (buckets != null) {
            context.getRegistry().bind("rateLimitBuckets", buckets);
        }
        context.getRegistry().bind("timerErrorPolicy", new TimerErrorPolicy());
        YamlRoutes.load(context, "timer-errors", "ratelimit");
        context.start();
        return context;
    }
}

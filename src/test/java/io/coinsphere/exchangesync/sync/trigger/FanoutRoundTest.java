package io.coinsphere.exchangesync.sync.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.sync.SyncHeaders;
import io.coinsphere.exchangesync.sync.SyncProperties;
import java.time.Duration;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class FanoutRoundTest {

    private final FanoutRound round = new FanoutRound(new SyncProperties(Duration.ofSeconds(30), true, 3, 1000, 2,
            Duration.ofSeconds(20), Duration.ofSeconds(5), "", new SyncProperties.Retry(3, Duration.ofSeconds(5), 2.0, 8),
            new SyncProperties.Throttle(0.85, 4, Duration.ofMillis(500))));

    @Test
    void aRoundCountsItsClaimsAndEndsWithTheFirstShortBatch() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        round.start(exchange);
        assertThat(exchange.getMessage().getHeaders()).containsEntry("batchSize", 3)
                .containsEntry("requestGraceSeconds", 60L).containsEntry(SyncHeaders.TRIGGER, "scheduled");

        exchange.getMessage().setBody(List.of(1, 2, 3));
        round.claimed(exchange);
        assertThat(exchange.getProperty("more")).isEqualTo(true);
        exchange.getMessage().setBody(List.of(4));
        round.claimed(exchange);

        assertThat(exchange.getProperty("more")).isEqualTo(false);
        assertThat(exchange.getProperty("claimed")).isEqualTo(4);
    }

    @Test
    void aTickNamesItsSlotAndInstance() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        long before = System.currentTimeMillis() / 30_000;

        round.tick(exchange);

        assertThat(exchange.getMessage().getHeader("slot", Long.class)).isBetween(before, before + 1);
        assertThat(exchange.getMessage().getHeader("instance")).isEqualTo(FanoutRound.INSTANCE);
    }
}

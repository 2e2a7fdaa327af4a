package io.coinsphere.exchangesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class SyncStartTest {

    private static final SyncProperties PROPERTIES = new SyncProperties(Duration.ofSeconds(30), true, 200, 1000, 2,
            Duration.ofSeconds(20), Duration.ofSeconds(5), "sync-a", new SyncProperties.Retry(3, Duration.ofSeconds(5), 2.0, 8),
            new SyncProperties.Throttle(0.85, 4, Duration.ofMillis(500)));

    private final LeaseHandback leases = new LeaseHandback(null, PROPERTIES, new MockEnvironment());
    private final SyncStart start = new SyncStart(leases, PROPERTIES);

    @Test
    void aSyncNamesItselfAsTheLeaseOwnerAndTakesAnyEarlierSyncAsCurrent() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody("ignored");

        start.process(exchange);

        assertThat(exchange.getMessage().getHeader(SyncStart.LEASE_OWNER))
                .isEqualTo(leases.owner() + "/" + exchange.getExchangeId());
        assertThat(leases.owner()).startsWith("sync-a/");
        assertThat(exchange.getMessage().getHeader(SyncStart.LEASE_SECONDS)).isEqualTo(20L);
        assertThat(exchange.getMessage().getHeader(SyncStart.SYNCED_BEFORE)).isEqualTo("infinity");
        assertThat(exchange.getMessage().getHeader(SyncHeaders.STARTED_AT)).isInstanceOf(OffsetDateTime.class);
        assertThat(exchange.getMessage().getBody()).isEqualTo(Map.of());
    }

    @Test
    void aScheduledSyncIsSkippedIfTheConnectionSyncedAfterItsClaim() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setHeader(SyncHeaders.CLAIMED_AT, "2026-12-06T08:00:00Z");

        start.process(exchange);

        assertThat(exchange.getMessage().getHeader(SyncStart.SYNCED_BEFORE)).isEqualTo("2026-12-06T08:00:00Z");
    }
}

package io.coinsphere.exchangesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.exchange.CredentialsRejected;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.sync.SyncAttempts;
import io.coinsphere.exchangesync.sync.SyncHeaders;
import io.coinsphere.exchangesync.vault.VaultException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class SyncMetricsTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SyncMetrics metrics = new SyncMetrics(registry, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aSuccessRecordsItsDurationOutcomeAndRetries() {
        Exchange exchange = exchange("binance", "manual", 3);
        metrics.succeeded(Map.of("assets", 4), exchange);

        var timer = registry.get(SyncMetrics.DURATION).tags("exchange", "binance", "trigger", "manual", "outcome", "success").timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1500);
        assertThat(registry.get(SyncMetrics.SYNCS).tags("outcome", "success", "error_kind", "none").counter().count()).isEqualTo(1);
        assertThat(registry.get(SyncMetrics.RETRIES).tag("exchange", "binance").counter().count()).isEqualTo(2);
        assertThat(registry.get(SyncMetrics.EXCHANGE_CALLS).tag("exchange", "binance").counter().count()).isEqualTo(3);
        assertThat(registry.find(SyncMetrics.DEAD_LETTERS).counter()).isNull();
    }

    @Test
    void exhaustedRetriesCountAsADeadLetterWithTheirErrorKind() {
        Exchange exchange = exchange("kraken", "scheduled", 4);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new ExchangeUnavailable("Kraken is down", null));
        metrics.failed(Map.of("status", "error", "error", "Kraken is down"), exchange);

        assertThat(registry.get(SyncMetrics.DEAD_LETTERS).tag("exchange", "kraken").counter().count()).isEqualTo(1);
        assertThat(registry.get(SyncMetrics.SYNCS).tags("outcome", "error", "error_kind", "exchange_unavailable")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void aDisabledConnectionIsNotADeadLetter() {
        Exchange exchange = exchange("kucoin", "scheduled", 1);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new CredentialsRejected(CredentialsRejected.Reason.UNKNOWN_KEY, "Key revoked"));
        metrics.failed(Map.of("status", "disabled", "error", "Key revoked"), exchange);

        assertThat(registry.find(SyncMetrics.DEAD_LETTERS).counter()).isNull();
        assertThat(registry.get(SyncMetrics.SYNCS).tags("outcome", "disabled", "error_kind", "credentials_rejected")
                .counter().count()).isEqualTo(1);
        assertThat(registry.find(SyncMetrics.RETRIES).counter()).isNull();
    }

    @Test
    void errorKindsAreAFixedSmallSet() {
        assertThat(SyncMetrics.errorKind(new VaultException("x"))).isEqualTo("credentials_unreadable");
        assertThat(SyncMetrics.errorKind(new IllegalStateException("boom"))).isEqualTo("internal");
        assertThat(SyncMetrics.errorKind(null)).isEqualTo("none");
    }

    private static Exchange exchange(String exchangeId, String trigger, int attempts) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setHeader(SyncHeaders.EXCHANGE, exchangeId);
        exchange.getMessage().setHeader(SyncHeaders.TRIGGER, trigger);
        exchange.getMessage().setHeader(SyncHeaders.CONNECTION_ID, "00000000-0000-0000-0000-000000000001");
        exchange.getMessage().setHeader(SyncHeaders.STARTED_AT, OffsetDateTime.ofInstant(NOW.minusMillis(1500), ZoneOffset.UTC));
        for (int i = 0; i < attempts; i++) {
            SyncAttempts.count(exchange);
        }
        return exchange;
    }
}

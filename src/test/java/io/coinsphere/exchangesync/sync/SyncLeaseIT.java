package io.coinsphere.exchangesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.support.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The lease of sql/sync-lease.sql as sync-connection takes it (SyncStart): the owner names the instance's boot and the
 * sync's exchange, so the retries of one sync take their lease again while a second copy of the same connection's
 * sync on this instance (a Kafka redelivery while the first runs) is refused.
 */
class SyncLeaseIT extends IntegrationTest {

    private static final String LEASE = "sql:classpath:sql/sync-lease.sql?parametersCount=5&outputType=SelectOne";

    @Autowired
    private SyncStart start;

    @Test
    void onlyTheRetriesOfTheSameSyncTakeItsLeaseAgain() {
        UUID id = connect(newUser(), account(ExchangeId.KRAKEN).setBalance("XXBT", dec("1"), dec("0")));
        awaitRuns(id, 1);
        Exchange first = attempt(id);
        Exchange copy = attempt(id);

        assertThat(take(first)).as("the first sync takes the lease").isNotNull();
        assertThat(take(copy)).as("a second sync of the connection on this instance is refused").isNull();
        assertThat(take(first)).as("the first sync's retry takes it again").isNotNull();
        jdbc.update("UPDATE exchange_connections SET sync_lease_until = NULL WHERE id = ?", id);
    }

    private Exchange attempt(UUID id) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setHeader(SyncHeaders.CONNECTION_ID, id.toString());
        start.process(exchange);
        return exchange;
    }

    private Object take(Exchange attempt) {
        ProducerTemplate producer = camel.createProducerTemplate();
        Map<String, Object> headers = Map.copyOf(attempt.getMessage().getHeaders());
        return producer.requestBodyAndHeaders(LEASE, Map.of(), headers);
    }
}

package io.coinsphere.exchangesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.support.IntegrationTest;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The hand-back itself, on the shared context: which leases are released when the application stops. */
class LeaseHandbackIT extends IntegrationTest {

    @Autowired
    LeaseHandback handback;

    @Test
    void leasesOfUnfinishedOrUnrecordedSyncsAreReleasedAndFinishedOnesAreLeftAlone() {
        ApiClient user = newUser();
        UUID unfinished = connect(user, account(ExchangeId.BINANCE).setBalance("BTC", dec("1"), dec("0")));
        UUID unrecorded = connect(user, account(ExchangeId.BINANCE).setBalance("BTC", dec("1"), dec("0")));
        UUID finished = connect(user, account(ExchangeId.BINANCE).setBalance("BTC", dec("1"), dec("0")));
        for (UUID id : new UUID[] {unfinished, unrecorded, finished}) {
            awaitRuns(id, 1);
            jdbc.update("UPDATE exchange_connections SET sync_lease_until = now() + interval '5 minutes' WHERE id = ?", id);
        }
        Exchange running = taken(unfinished);
        Exchange failed = taken(unrecorded);
        Exchange done = taken(finished);
        failed.getExchangeExtension().handoverCompletions().forEach(s -> s.onFailure(failed));
        done.getExchangeExtension().handoverCompletions().forEach(s -> s.onComplete(done));
        // A failure that could not be recorded hands its lease back at once: the heartbeat must not keep it alive.
        assertThat(handback.held()).contains(unfinished).doesNotContain(unrecorded, finished);
        assertThat(connectionRow(unrecorded).get("sync_lease_until")).isNull();

        try {
            handback.stop();
        } finally {
            handback.start();
        }
        assertThat(connectionRow(unfinished).get("sync_lease_until")).isNull();
        assertThat(connectionRow(unrecorded).get("sync_lease_until")).isNull();
        assertThat(connectionRow(finished).get("sync_lease_until")).as("not ours to release any more").isNotNull();
        jdbc.update("UPDATE exchange_connections SET sync_lease_until = NULL WHERE id = ?", finished);
        running.getExchangeExtension().handoverCompletions().forEach(s -> s.onComplete(running));
    }

    private Exchange taken(UUID id) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setHeader("connectionId", id.toString());
        handback.taken(exchange);
        return exchange;
    }
}

package io.coinsphere.exchangesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.exchange.CredentialsRejected;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.vault.VaultException;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class SyncOutcomesTest {

    private final SyncOutcomes outcomes = new SyncOutcomes();

    private static Exchange failed(Throwable cause) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setHeader(SyncHeaders.CONNECTION_ID, "c-1");
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, cause);
        SyncAttempts.count(exchange);
        return exchange;
    }

    @Test
    void exhaustedRetriesKeepTheExchangesOwnSentence() {
        Map<String, Object> params = outcomes.exhausted(failed(new ExchangeUnavailable("Kraken timed out; the sync will retry later.")));
        assertThat(params).containsEntry("status", "error").containsEntry("error", "Kraken timed out; the sync will retry later.")
                .containsEntry("attempts", 1).containsEntry("connectionId", "c-1");
    }

    @Test
    void unexpectedErrorsNeverReachTheUser() {
        Map<String, Object> params = outcomes.exhausted(failed(new IllegalStateException("SELECT secret FROM somewhere")));
        assertThat((String) params.get("error")).doesNotContain("SELECT").contains("internal error");
    }

    @Test
    void aRejectedKeyDisablesWithWhatToDo() {
        Map<String, Object> params = outcomes.disabled(failed(
                new CredentialsRejected(CredentialsRejected.Reason.BAD_SIGNATURE, "Binance says the API secret is wrong.")));
        assertThat(params).containsEntry("status", "disabled");
        assertThat((String) params.get("error")).startsWith("Binance says the API secret is wrong.").contains("update the API key");
        assertThat((String) outcomes.disabled(failed(new VaultException("tampered"))).get("error")).contains("could not be decrypted");
    }
}

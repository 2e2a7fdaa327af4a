package io.coinsphere.exchangesync.exchange.bitstamp;

import com.fasterxml.jackson.databind.JsonNode;
import io.coinsphere.exchangesync.exchange.AccountSnapshot;
import io.coinsphere.exchangesync.exchange.ApiCredentials;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.ExchangesProperties;
import io.coinsphere.exchangesync.exchange.guard.ExchangeGuards;
import io.coinsphere.exchangesync.exchange.http.SignedHttpAdapter;
import org.springframework.stereotype.Component;

/**
 * Bitstamp balances: one signed {@code POST /api/v2/account_balances/} lists every currency of the account the
 * key belongs to (a sub-account's key sees that sub-account). Bitstamp has no endpoint that reports a key's
 * permissions, so they stay unverified, as with Kraken. Requests are timestamped on Bitstamp's clock (the
 * public ticker's time) and retried once after a timestamp error; the budget is per address.
 */
@Component
public class BitstampAdapter extends SignedHttpAdapter {

    static final String BALANCES = "/api/v2/account_balances/";
    /** Public and cheap; its {@code timestamp} (seconds) is Bitstamp's clock, the window being 150 s wide. */
    static final String TICKER = "/api/v2/ticker/btcusd/";

    private static final ExchangeId ID = ExchangeId.BITSTAMP;

    private final BitstampClient client;

    public BitstampAdapter(ExchangesProperties properties, ExchangeGuards guards) {
        super(ID, properties, guards);
        this.client = new BitstampClient(http());
    }

    @Override
    public AccountSnapshot fetch(ApiCredentials credentials) {
        JsonNode body = signed(credentials.apiKey(), () -> client.post(BALANCES, credentials, now()));
        return AccountSnapshot.complete(BitstampBalances.read(body));
    }

    @Override
    protected long serverTime() {
        JsonNode timestamp = client.getPublic(TICKER).path("timestamp");
        try {
            return Long.parseLong(timestamp.asText()) * 1000;
        } catch (NumberFormatException e) {
            throw new ExchangeUnavailable("Bitstamp sent no server time.");
        }
    }
}

package io.coinsphere.exchangesync.exchange.coinbase;

import com.fasterxml.jackson.databind.JsonNode;
import io.coinsphere.exchangesync.exchange.AccountSnapshot;
import io.coinsphere.exchangesync.exchange.ApiCredentials;
import io.coinsphere.exchangesync.exchange.BalanceSheet;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.ExchangesProperties;
import io.coinsphere.exchangesync.exchange.UnknownAssets;
import io.coinsphere.exchangesync.exchange.Wallet;
import io.coinsphere.exchangesync.exchange.guard.ExchangeGuards;
import io.coinsphere.exchangesync.exchange.http.JsonAmounts;
import io.coinsphere.exchangesync.exchange.http.Secrets;
import io.coinsphere.exchangesync.exchange.http.SignedHttpAdapter;
import io.coinsphere.exchangesync.exchange.signing.CoinbaseSignature;
import org.springframework.stereotype.Component;

/**
 * Coinbase Exchange balances from {@code GET /accounts}: every account of the key's profile, total = balance,
 * available, locked = hold. Timestamps are on Coinbase's clock ({@code GET /time}).
 */
@Component
public class CoinbaseAdapter extends SignedHttpAdapter {

    private static final ExchangeId ID = ExchangeId.COINBASE;
    private static final String ACCOUNTS = "/accounts";

    public CoinbaseAdapter(ExchangesProperties properties, ExchangeGuards guards) {
        super(ID, properties, guards);
    }

    @Override
    public AccountSnapshot fetch(ApiCredentials credentials) {
        String passphrase = Secrets.requirePassphrase(ID, credentials);
        JsonNode accounts = signed(credentials.apiKey(), () -> {
            String timestamp = Long.toString(now() / 1000);
            String signature = Secrets.sign(ID, () -> CoinbaseSignature.sign(credentials.apiSecret(), timestamp, "GET", ACCOUNTS, ""));
            return http().nonEmptyTree(http().sendExpectingOk(http().get(ACCOUNTS)
                    .header("CB-ACCESS-KEY", credentials.apiKey())
                    .header("CB-ACCESS-SIGN", signature)
                    .header("CB-ACCESS-TIMESTAMP", timestamp)
                    .header("CB-ACCESS-PASSPHRASE", passphrase).build(), CoinbaseErrors::fromAnswer).body());
        });
        if (!accounts.isArray()) {
            throw new ExchangeUnavailable("Coinbase Exchange sent an answer we could not read; the sync will retry later.");
        }
        BalanceSheet sheet = new BalanceSheet();
        for (JsonNode account : accounts) {
            String currency = account.path("currency").asText("");
            if (!currency.isEmpty()) {
                sheet.add(Wallet.SPOT, UnknownAssets.check(ID, currency), JsonAmounts.nonNegative(ID, account.path("balance")),
                        JsonAmounts.nonNegative(ID, account.path("available")), JsonAmounts.nonNegative(ID, account.path("hold")));
            }
        }
        return AccountSnapshot.complete(sheet.toList());
    }

    /** {@code {"iso":"...","epoch":1700000000.123}}, public. */
    @Override
    protected long serverTime() {
        JsonNode epoch = http().nonEmptyTree(http().sendExpectingOk(http().get("/time").build(), CoinbaseErrors::fromAnswer).body())
                .path("epoch");
        if (!epoch.isNumber()) {
            throw new ExchangeUnavailable("Coinbase Exchange sent no server time.");
        }
        return epoch.decimalValue().movePointRight(3).longValue();
    }
}

package io.coinsphere.exchangesync.exchange.kraken;

import com.fasterxml.jackson.databind.JsonNode;
import io.coinsphere.exchangesync.exchange.AccountSnapshot;
import io.coinsphere.exchangesync.exchange.ApiCredentials;
import io.coinsphere.exchangesync.exchange.Balance;
import io.coinsphere.exchangesync.exchange.BalanceSheet;
import io.coinsphere.exchangesync.exchange.ExchangeAdapter;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.ExchangesProperties;
import io.coinsphere.exchangesync.exchange.Wallet;
import io.coinsphere.exchangesync.exchange.guard.ExchangeGuard;
import io.coinsphere.exchangesync.exchange.guard.ExchangeGuards;
import io.coinsphere.exchangesync.exchange.guard.PerKeyExclusion;
import io.coinsphere.exchangesync.exchange.http.ExchangeHttp;
import io.coinsphere.exchangesync.exchange.http.JsonAmounts;
import io.coinsphere.exchangesync.exchange.http.Secrets;
import io.coinsphere.exchangesync.exchange.signing.KrakenSignature;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Kraken balances from {@code POST /0/private/Balance}, which needs only "Funds - Query". Balance gives totals only,
 * so available = total and locked = 0. {@code .S} codes are the staked wallet, {@code .M/.B/.F} earn. Kraken signs a
 * nonce, not a time: nonces come from {@link KrakenNonces}, strictly increasing per key across restarts and instances.
 */
@Component
public class KrakenAdapter implements ExchangeAdapter {

    private static final ExchangeId ID = ExchangeId.KRAKEN;
    private static final String BALANCE = "/0/private/Balance";

    /**
     * Process-wide on purpose: within this process a key's calls go one at a time, whatever number
     * of adapter instances (tests, a second context) use the key, so wire order equals nonce order.
     */
    private static final PerKeyExclusion PER_KEY = new PerKeyExclusion();

    private final ExchangeHttp http;
    private final ExchangeGuard guard;
    private final KrakenNonces nonces;

    public KrakenAdapter(ExchangesProperties properties, ExchangeGuards guards, KrakenNonces nonces) {
        this.http = new ExchangeHttp(ID, properties);
        this.guard = guards.of(ID);
        this.nonces = nonces;
    }

    @Override
    public ExchangeId exchange() {
        return ID;
    }

    @Override
    public AccountSnapshot fetch(ApiCredentials credentials) {
        // Kraken reports errors inside HTTP 200 answers: they are translated inside the guard so it sees them.
        return AccountSnapshot.complete(guard.call(credentials.apiKey(), 1, () -> {
            HttpResponse<String> response;
            try {
                // The nonce is drawn while the key's lane is held, so the wire carries the key's nonces in order.
                response = PER_KEY.run(credentials.apiKey(), () -> {
                    String nonce = Long.toString(nonces.next(credentials.apiKey()));
                    String body = "nonce=" + nonce;
                    String signature = Secrets.sign(ID, () -> KrakenSignature.sign(credentials.apiSecret(), BALANCE, nonce, body));
                    return http.send(http.request(BALANCE)
                            .header("API-Key", credentials.apiKey())
                            .header("API-Sign", signature)
                            .header("Accept", "application/json")
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build());
                });
            } catch (Exception e) {
                throw http.transportFailure(e);
            }
            if (response.statusCode() != 200) {
                throw KrakenErrors.fromAnswer(response.statusCode(), response.body(), response.headers().map());
            }
            return toBalances(http.nonEmptyTree(response.body()));
        }));
    }

    private static List<Balance> toBalances(JsonNode answer) {
        // Strings starting with W are warnings and come with a result; only E... are errors.
        List<String> errors = KrakenErrors.errorsIn(answer);
        if (!errors.isEmpty()) {
            throw KrakenErrors.fromErrors(errors, Instant.now(), null);
        }
        JsonNode totals = answer.path("result");
        if (!totals.isObject()) {
            throw new ExchangeUnavailable("Kraken sent an answer without balances; the sync will retry later.");
        }
        BalanceSheet sheet = new BalanceSheet();
        totals.fields().forEachRemaining(entry -> {
            String code = entry.getKey();
            BigDecimal total = JsonAmounts.nonNegative(ID, entry.getValue());
            Wallet wallet = KrakenAssetCodes.wallet(code);
            String symbol = KrakenAssetCodes.toSymbol(code);
            if (wallet == Wallet.SPOT) {
                sheet.add(Wallet.SPOT, symbol, total, total, BigDecimal.ZERO);
            } else {
                sheet.addLocked(wallet, symbol, total);
            }
        });
        return sheet.toList();
    }
}

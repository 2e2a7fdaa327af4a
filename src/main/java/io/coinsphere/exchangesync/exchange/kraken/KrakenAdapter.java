package io.coinsphere.exchangesync.exchange.kraken;

import io.coinsphere.exchangesync.exchange.AccountSnapshot;
import io.coinsphere.exchangesync.exchange.ApiCredentials;
import io.coinsphere.exchangesync.exchange.Balance;
import io.coinsphere.exchangesync.exchange.BalanceSheet;
import io.coinsphere.exchangesync.exchange.ExchangeAdapter;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.ExchangesProperties;
import io.coinsphere.exchangesync.exchange.Wallet;
import io.coinsphere.exchangesync.exchange.XChangeSupport;
import io.coinsphere.exchangesync.exchange.guard.ExchangeGuard;
import io.coinsphere.exchangesync.exchange.guard.ExchangeGuards;
import io.coinsphere.exchangesync.exchange.guard.PerKeyExclusion;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.knowm.xchange.kraken.KrakenAuthenticated;
import org.knowm.xchange.kraken.KrakenExchange;
import org.knowm.xchange.kraken.dto.account.results.KrakenBalanceResult;
import org.knowm.xchange.kraken.service.KrakenDigest;
import org.springframework.stereotype.Component;
import si.mazi.rescu.ParamsDigest;

/**
 * Kraken balances from the raw {@code /0/private/Balance}, which needs only "Funds - Query"
 * (XChange's getAccountInfo also calls TradeBalance, which needs a trading permission).
 * Balance gives totals only, so available = total and locked = 0; XChange 5.2.2 has no raw
 * BalanceEx, which would split out holds. {@code .S} codes are the staked wallet, {@code .M/.B/.F}
 * earn. Nonces come from {@link KrakenNonces}: strictly increasing per key across restarts and instances.
 */
@Component
public class KrakenAdapter implements ExchangeAdapter {

    /**
     * Process-wide on purpose: within this process a key's calls go one at a time, whatever number
     * of adapter instances (tests, a second context) use the key, so wire order equals nonce order.
     */
    private static final PerKeyExclusion PER_KEY = new PerKeyExclusion();

    private final KrakenAuthenticated api;
    private final ExchangeGuard guard;
    private final KrakenNonces nonces;

    public KrakenAdapter(ExchangesProperties properties, ExchangeGuards guards, KrakenNonces nonces) {
        this.api = XChangeSupport.restProxy(KrakenAuthenticated.class,
                XChangeSupport.specification(KrakenExchange.class, ExchangeId.KRAKEN, properties));
        this.guard = guards.of(ExchangeId.KRAKEN);
        this.nonces = nonces;
    }

    @Override
    public ExchangeId exchange() {
        return ExchangeId.KRAKEN;
    }

    @Override
    public AccountSnapshot fetch(ApiCredentials credentials) {
        ParamsDigest signer = XChangeSupport.signer(ExchangeId.KRAKEN,
                () -> KrakenDigest.createInstance(credentials.apiSecret()));
        // Kraken reports errors inside HTTP 200 answers: they are translated inside the guard so it sees them.
        return AccountSnapshot.complete(guard.call(credentials.apiKey(), 1, () -> {
            KrakenBalanceResult result;
            try {
                // The nonce is drawn inside the proxy call, so holding the key's lane orders the wire too.
                result = PER_KEY.run(credentials.apiKey(),
                        () -> api.balance(credentials.apiKey(), signer, () -> nonces.next(credentials.apiKey())));
            } catch (Exception e) {
                throw KrakenErrors.translate(e);
            }
            return toBalances(result);
        }));
    }

    private static List<Balance> toBalances(KrakenBalanceResult result) {
        if (result == null) {
            throw new ExchangeUnavailable("Kraken sent an empty answer; the sync will retry later.");
        }
        // Strings starting with W are warnings and come with a result; only E... are errors.
        List<String> errors = result.getError() == null ? List.of()
                : Arrays.stream(result.getError()).filter(e -> e != null && e.startsWith("E")).toList();
        if (!errors.isEmpty()) {
            throw KrakenErrors.fromErrors(errors, Instant.now(), null);
        }
        Map<String, BigDecimal> totals = result.getResult();
        if (totals == null) {
            throw new ExchangeUnavailable("Kraken sent an answer without balances; the sync will retry later.");
        }
        BalanceSheet sheet = new BalanceSheet();
        totals.forEach((code, total) -> {
            if (code != null) {
                Wallet wallet = KrakenAssetCodes.wallet(code);
                String symbol = KrakenAssetCodes.toSymbol(code);
                if (wallet == Wallet.SPOT) {
                    sheet.add(Wallet.SPOT, symbol, total, total, BigDecimal.ZERO);
                } else {
                    sheet.addLocked(wallet, symbol, total);
                }
            }
        });
        return sheet.toList();
    }
}

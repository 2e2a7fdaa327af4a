package io.coinsphere.exchangesync.exchange.kraken;

import io.coinsphere.exchangesync.exchange.ApiCredentials;
import io.coinsphere.exchangesync.exchange.Balance;
import io.coinsphere.exchangesync.exchange.BalanceSheet;
import io.coinsphere.exchangesync.exchange.ExchangeAdapter;
import io.coinsphere.exchangesync.exchange.ExchangeFailure;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.ExchangesProperties;
import io.coinsphere.exchangesync.exchange.XChangeSupport;
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
 * BalanceEx, which would split out holds.
 */
@Component
public class KrakenAdapter implements ExchangeAdapter {

    private final KrakenAuthenticated api;
    /**
     * Process-wide on purpose: the guarantee is per key within this process, whatever number of
     * adapter instances (tests, a second context) use the key.
     */
    private static final KrakenNonceFactory NONCES = new KrakenNonceFactory();
    private static final PerKeyExclusion PER_KEY = new PerKeyExclusion();

    public KrakenAdapter(ExchangesProperties properties) {
        this.api = XChangeSupport.restProxy(KrakenAuthenticated.class,
                XChangeSupport.specification(KrakenExchange.class, ExchangeId.KRAKEN, properties));
    }

    @Override
    public ExchangeId exchange() {
        return ExchangeId.KRAKEN;
    }

    @Override
    public List<Balance> fetchBalances(ApiCredentials credentials) {
        try {
            ParamsDigest signer = XChangeSupport.signer(ExchangeId.KRAKEN,
                    () -> KrakenDigest.createInstance(credentials.apiSecret()));
            // The nonce is drawn inside the proxy call, so holding the key's lane orders the wire too.
            KrakenBalanceResult result = PER_KEY.run(credentials.apiKey(),
                    () -> api.balance(credentials.apiKey(), signer, NONCES));
            return toBalances(result);
        } catch (ExchangeFailure e) {
            throw e;
        } catch (Exception e) {
            throw KrakenErrors.translate(e);
        }
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
                sheet.add(KrakenAssetCodes.toSymbol(code), total, total, BigDecimal.ZERO);
            }
        });
        return sheet.toList();
    }
}

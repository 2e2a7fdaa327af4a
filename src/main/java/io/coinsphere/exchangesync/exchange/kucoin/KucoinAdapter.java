package io.coinsphere.exchangesync.exchange.kucoin;

import io.coinsphere.exchangesync.exchange.ApiCredentials;
import io.coinsphere.exchangesync.exchange.Balance;
import io.coinsphere.exchangesync.exchange.BalanceSheet;
import io.coinsphere.exchangesync.exchange.ExchangeAdapter;
import io.coinsphere.exchangesync.exchange.ExchangeFailure;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.ExchangesProperties;
import io.coinsphere.exchangesync.exchange.XChangeSupport;
import io.coinsphere.exchangesync.exchange.signing.KucoinSignature;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.knowm.xchange.kucoin.KucoinExchange;
import org.knowm.xchange.kucoin.dto.response.AccountBalancesResponse;
import org.knowm.xchange.kucoin.dto.response.KucoinResponse;
import org.knowm.xchange.kucoin.service.KucoinDigest;
import org.springframework.stereotype.Component;
import si.mazi.rescu.ParamsDigest;

/**
 * KuCoin balances: one unfiltered account list, merged per currency over the funding ("main") and
 * spot ("trade", "trade_hf") accounts. total = balance, locked = holds.
 */
@Component
public class KucoinAdapter implements ExchangeAdapter {

    /** Version 2 and 3 keys both authenticate the same way; version 2 is accepted for both. */
    static final String KEY_VERSION = "2";

    /**
     * Margin accounts are left out: their balances include borrowed funds, so adding them would
     * overstate what the user owns.
     */
    private static final Set<String> HOLDING_ACCOUNT_TYPES = Set.of("main", "trade", "trade_hf");

    private final KucoinAccountsApi api;

    public KucoinAdapter(ExchangesProperties properties) {
        this.api = XChangeSupport.restProxy(KucoinAccountsApi.class,
                XChangeSupport.specification(KucoinExchange.class, ExchangeId.KUCOIN, properties));
    }

    @Override
    public ExchangeId exchange() {
        return ExchangeId.KUCOIN;
    }

    @Override
    public List<Balance> fetchBalances(ApiCredentials credentials) {
        String passphrase = XChangeSupport.requirePassphrase(ExchangeId.KUCOIN, credentials);
        try {
            ParamsDigest signer = XChangeSupport.signer(ExchangeId.KUCOIN, () -> KucoinDigest.createInstance(credentials.apiSecret()));
            KucoinResponse<List<AccountBalancesResponse>> response = api.accounts(
                    credentials.apiKey(),
                    signer,
                    System.currentTimeMillis(),
                    KucoinSignature.passphrase(credentials.apiSecret(), passphrase),
                    KEY_VERSION);
            return toBalances(response);
        } catch (ExchangeFailure e) {
            throw e;
        } catch (Exception e) {
            throw KucoinErrors.translate(e);
        }
    }

    private static List<Balance> toBalances(KucoinResponse<List<AccountBalancesResponse>> response) {
        if (response == null) {
            throw new ExchangeUnavailable("KuCoin sent an empty answer; the sync will retry later.");
        }
        if (!response.isSuccessful()) {
            throw KucoinErrors.fromUnsuccessfulBody(response.getCode(), response.getMsg());
        }
        BalanceSheet sheet = new BalanceSheet();
        if (response.getData() != null) {
            for (AccountBalancesResponse account : response.getData()) {
                String type = account.getType() == null ? "" : account.getType().toLowerCase(Locale.ROOT);
                if (HOLDING_ACCOUNT_TYPES.contains(type)) {
                    sheet.add(account.getCurrency(), account.getBalance(), account.getAvailable(), account.getHolds());
                }
            }
        }
        return sheet.toList();
    }
}

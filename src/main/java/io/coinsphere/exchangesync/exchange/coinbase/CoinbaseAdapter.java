package io.coinsphere.exchangesync.exchange.coinbase;

import io.coinsphere.exchangesync.exchange.AccountSnapshot;
import io.coinsphere.exchangesync.exchange.ApiCredentials;
import io.coinsphere.exchangesync.exchange.BalanceSheet;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.ExchangesProperties;
import io.coinsphere.exchangesync.exchange.UnknownAssets;
import io.coinsphere.exchangesync.exchange.Wallet;
import io.coinsphere.exchangesync.exchange.XChangeSupport;
import io.coinsphere.exchangesync.exchange.guard.ExchangeGuards;
import io.coinsphere.exchangesync.exchange.http.SignedAdapter;
import org.knowm.xchange.ExchangeSpecification;
import org.knowm.xchange.coinbasepro.CoinbasePro;
import org.knowm.xchange.coinbasepro.CoinbaseProExchange;
import org.knowm.xchange.coinbasepro.dto.account.CoinbaseProAccount;
import org.knowm.xchange.coinbasepro.service.CoinbaseProDigest;
import org.springframework.stereotype.Component;
import si.mazi.rescu.ParamsDigest;

/**
 * Coinbase Exchange balances from the raw {@code GET /accounts} (XChange's generic account path
 * needs product metadata and fails on an empty list): every account of the key's profile,
 * total = balance, locked = hold. Timestamps are on Coinbase's clock ({@code GET /time}).
 */
@Component
public class CoinbaseAdapter extends SignedAdapter {

    private final CoinbasePro api;
    private final CoinbaseTimeApi timeApi;

    public CoinbaseAdapter(ExchangesProperties properties, ExchangeGuards guards) {
        super(ExchangeId.COINBASE, properties, guards);
        ExchangeSpecification spec = XChangeSupport.specification(CoinbaseProExchange.class, ExchangeId.COINBASE, properties);
        // XChange lets these flags replace the ssl URI; pin them off so our base URL always wins.
        spec.setExchangeSpecificParametersItem("Use_Sandbox", false);
        spec.setExchangeSpecificParametersItem("Use_Prime", false);
        this.api = XChangeSupport.restProxy(CoinbasePro.class, spec);
        this.timeApi = XChangeSupport.restProxy(CoinbaseTimeApi.class, spec);
    }

    @Override
    public AccountSnapshot fetch(ApiCredentials credentials) {
        // The passphrase is passed per call (the proxy has no credentials), never via setPassword.
        String passphrase = XChangeSupport.requirePassphrase(ExchangeId.COINBASE, credentials);
        ParamsDigest signer = XChangeSupport.signer(ExchangeId.COINBASE,
                () -> CoinbaseProDigest.createInstance(credentials.apiSecret()));
        CoinbaseProAccount[] accounts = signed(credentials.apiKey(), () -> {
            try {
                return api.getAccounts(credentials.apiKey(), signer, now() / 1000, passphrase);
            } catch (Exception e) {
                throw CoinbaseErrors.translate(e);
            }
        });
        if (accounts == null) {
            throw new ExchangeUnavailable("Coinbase Exchange sent an empty answer; the sync will retry later.");
        }
        BalanceSheet sheet = new BalanceSheet();
        for (CoinbaseProAccount account : accounts) {
            sheet.add(Wallet.SPOT, UnknownAssets.check(ExchangeId.COINBASE, account.getCurrency()),
                    account.getBalance(), account.getAvailable(), account.getHold());
        }
        return AccountSnapshot.complete(sheet.toList());
    }

    @Override
    protected long serverTime() {
        try {
            CoinbaseTimeApi.ServerTime time = timeApi.time();
            if (time == null || time.epoch() == null) {
                throw new ExchangeUnavailable("Coinbase Exchange sent no server time.");
            }
            return time.epoch().movePointRight(3).longValue();
        } catch (Exception e) {
            throw CoinbaseErrors.translate(e);
        }
    }
}

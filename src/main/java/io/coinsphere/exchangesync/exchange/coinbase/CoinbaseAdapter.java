package io.coinsphere.exchangesync.exchange.coinbase;

import io.coinsphere.exchangesync.exchange.ApiCredentials;
import io.coinsphere.exchangesync.exchange.Balance;
import io.coinsphere.exchangesync.exchange.BalanceSheet;
import io.coinsphere.exchangesync.exchange.ExchangeAdapter;
import io.coinsphere.exchangesync.exchange.ExchangeFailure;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.ExchangesProperties;
import io.coinsphere.exchangesync.exchange.XChangeSupport;
import java.time.Instant;
import java.util.List;
import org.knowm.xchange.ExchangeSpecification;
import org.knowm.xchange.coinbasepro.CoinbasePro;
import org.knowm.xchange.coinbasepro.CoinbaseProExchange;
import org.knowm.xchange.coinbasepro.dto.account.CoinbaseProAccount;
import org.knowm.xchange.coinbasepro.service.CoinbaseProDigest;
import org.springframework.stereotype.Component;

/**
 * Coinbase Exchange balances from the raw {@code GET /accounts} (XChange's generic account path
 * needs product metadata and fails on an empty list): total = balance, locked = hold.
 */
@Component
public class CoinbaseAdapter implements ExchangeAdapter {

    private final CoinbasePro api;

    public CoinbaseAdapter(ExchangesProperties properties) {
        ExchangeSpecification spec = XChangeSupport.specification(CoinbaseProExchange.class, ExchangeId.COINBASE, properties);
        // XChange lets these flags replace the ssl URI; pin them off so our base URL always wins.
        spec.setExchangeSpecificParametersItem("Use_Sandbox", false);
        spec.setExchangeSpecificParametersItem("Use_Prime", false);
        this.api = XChangeSupport.restProxy(CoinbasePro.class, spec);
    }

    @Override
    public ExchangeId exchange() {
        return ExchangeId.COINBASE;
    }

    @Override
    public List<Balance> fetchBalances(ApiCredentials credentials) {
        // The passphrase is passed per call (the proxy has no credentials), never via setPassword.
        String passphrase = XChangeSupport.requirePassphrase(ExchangeId.COINBASE, credentials);
        try {
            CoinbaseProAccount[] accounts = api.getAccounts(
                    credentials.apiKey(),
                    XChangeSupport.signer(ExchangeId.COINBASE, () -> CoinbaseProDigest.createInstance(credentials.apiSecret())),
                    Instant.now().getEpochSecond(),
                    passphrase);
            return toBalances(accounts);
        } catch (ExchangeFailure e) {
            throw e;
        } catch (Exception e) {
            throw CoinbaseErrors.translate(e);
        }
    }

    private static List<Balance> toBalances(CoinbaseProAccount[] accounts) {
        if (accounts == null) {
            throw new ExchangeUnavailable("Coinbase sent an empty answer; the sync will retry later.");
        }
        BalanceSheet sheet = new BalanceSheet();
        for (CoinbaseProAccount account : accounts) {
            sheet.add(account.getCurrency(), account.getBalance(), account.getAvailable(), account.getHold());
        }
        return sheet.toList();
    }
}

package io.coinsphere.exchangesync.exchange.binance;

import io.coinsphere.exchangesync.exchange.ApiCredentials;
import io.coinsphere.exchangesync.exchange.Balance;
import io.coinsphere.exchangesync.exchange.BalanceSheet;
import io.coinsphere.exchangesync.exchange.ExchangeAdapter;
import io.coinsphere.exchangesync.exchange.ExchangeFailure;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.ExchangesProperties;
import io.coinsphere.exchangesync.exchange.XChangeSupport;
import java.util.List;
import org.knowm.xchange.binance.BinanceAuthenticated;
import org.knowm.xchange.binance.BinanceExchange;
import org.knowm.xchange.binance.dto.account.BinanceAccountInformation;
import org.knowm.xchange.binance.dto.account.BinanceBalance;
import org.knowm.xchange.binance.service.BinanceHmacDigest;
import org.springframework.stereotype.Component;

/** Binance spot balances: total = free + locked, available = free. */
@Component
public class BinanceAdapter implements ExchangeAdapter {

    private final BinanceAuthenticated api;

    public BinanceAdapter(ExchangesProperties properties) {
        this.api = XChangeSupport.restProxy(BinanceAuthenticated.class,
                XChangeSupport.specification(BinanceExchange.class, ExchangeId.BINANCE, properties));
    }

    @Override
    public ExchangeId exchange() {
        return ExchangeId.BINANCE;
    }

    @Override
    public List<Balance> fetchBalances(ApiCredentials credentials) {
        try {
            BinanceAccountInformation account = api.account(
                    null, // recvWindow: Binance's default (5 s)
                    System::currentTimeMillis,
                    credentials.apiKey(),
                    XChangeSupport.signer(ExchangeId.BINANCE, () -> BinanceHmacDigest.createInstance(credentials.apiSecret())));
            return toBalances(account);
        } catch (ExchangeFailure e) {
            throw e;
        } catch (Exception e) {
            throw BinanceErrors.translate(e);
        }
    }

    private static List<Balance> toBalances(BinanceAccountInformation account) {
        if (account == null) {
            throw new ExchangeUnavailable("Binance sent an empty answer; the sync will retry later.");
        }
        BalanceSheet sheet = new BalanceSheet();
        if (account.balances != null) {
            for (BinanceBalance line : account.balances) {
                if (line.getCurrency() != null) {
                    sheet.add(line.getCurrency().getCurrencyCode(), line.getTotal(), line.getAvailable(), line.getLocked());
                }
            }
        }
        return sheet.toList();
    }
}

package io.coinsphere.exchangesync.exchange.binance;

import io.coinsphere.exchangesync.exchange.AccountSnapshot;
import io.coinsphere.exchangesync.exchange.ApiCredentials;
import io.coinsphere.exchangesync.exchange.BalanceSheet;
import io.coinsphere.exchangesync.exchange.ExchangeFailure;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.ExchangesProperties;
import io.coinsphere.exchangesync.exchange.KeyPermissions;
import io.coinsphere.exchangesync.exchange.UnknownAssets;
import io.coinsphere.exchangesync.exchange.Wallet;
import io.coinsphere.exchangesync.exchange.XChangeSupport;
import io.coinsphere.exchangesync.exchange.guard.ExchangeGuards;
import io.coinsphere.exchangesync.exchange.http.SignedAdapter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.knowm.xchange.ExchangeSpecification;
import org.knowm.xchange.binance.BinanceAuthenticated;
import org.knowm.xchange.binance.BinanceExchange;
import org.knowm.xchange.binance.dto.account.BinanceAccountInformation;
import org.knowm.xchange.binance.dto.account.BinanceBalance;
import org.knowm.xchange.binance.service.BinanceHmacDigest;
import org.springframework.stereotype.Component;
import si.mazi.rescu.ParamsDigest;
import si.mazi.rescu.SynchronizedValueFactory;

/**
 * Binance: spot ({@code /api/v3/account}), funding wallet and Simple Earn flexible + locked positions.
 * Spot failing fails the sync; funding or earn failing makes it partial (their previous amounts kept).
 * Earn positions cost 150 weight per page, so they are read at most every {@code earn-refresh}.
 */
@Component
public class BinanceAdapter extends SignedAdapter {

    static final int ACCOUNT_WEIGHT = 20;
    static final int FUNDING_WEIGHT = 1;
    static final int RESTRICTIONS_WEIGHT = 1;
    static final int EARN_PAGE_WEIGHT = 150;
    /** Binance's largest page; more than 20 pages of positions would be an account we do not expect. */
    private static final int PAGE_SIZE = 100;
    private static final int MAX_PAGES = 20;

    private final BinanceAuthenticated api;
    private final BinanceWalletApi wallets;
    private final EarnSchedule earnSchedule;

    public BinanceAdapter(ExchangesProperties properties, ExchangeGuards guards) {
        super(ExchangeId.BINANCE, properties, guards);
        ExchangeSpecification spec = XChangeSupport.specification(BinanceExchange.class, ExchangeId.BINANCE, properties);
        this.api = XChangeSupport.restProxy(BinanceAuthenticated.class, spec);
        this.wallets = XChangeSupport.restProxy(BinanceWalletApi.class, spec);
        Duration earnRefresh = properties.endpoint(ExchangeId.BINANCE).earnRefresh();
        this.earnSchedule = new EarnSchedule(earnRefresh == null ? Duration.ofHours(1) : earnRefresh);
    }

    @Override
    public AccountSnapshot fetch(ApiCredentials credentials) {
        BalanceSheet sheet = new BalanceSheet();
        readSpot(credentials, sheet);
        Set<Wallet> kept = EnumSet.noneOf(Wallet.class);
        List<String> warnings = new ArrayList<>();
        try {
            readFunding(credentials, sheet);
        } catch (ExchangeFailure e) {
            kept.add(Wallet.FUNDING);
            warnings.add("Binance funding wallet could not be read, its previous amounts are kept: " + e.getMessage());
        }
        if (earnSchedule.isDue(credentials.apiKey())) {
            BalanceSheet earn = new BalanceSheet();
            try {
                readEarn(credentials, earn);
                earn.toList().forEach(b -> sheet.addLocked(Wallet.EARN, b.asset(), b.total()));
                earnSchedule.read(credentials.apiKey());
            } catch (ExchangeFailure e) {
                kept.add(Wallet.EARN);
                warnings.add("Binance Simple Earn positions could not be read, their previous amounts are kept: " + e.getMessage());
            }
        } else {
            kept.add(Wallet.EARN); // read recently; not a warning
        }
        return new AccountSnapshot(sheet.toList(), kept, warnings);
    }

    /** A key test reads spot only: earn costs 300 weight, and spot proves the key works. */
    @Override
    public void testCredentials(ApiCredentials credentials) {
        readSpot(credentials, new BalanceSheet());
    }

    @Override
    public KeyPermissions checkPermissions(ApiCredentials credentials) {
        BinanceWalletApi.ApiRestrictions r = signed(credentials, RESTRICTIONS_WEIGHT,
                (signer, timestamp) -> wallets.apiRestrictions(timestamp, credentials.apiKey(), signer));
        if (r == null) {
            throw new ExchangeUnavailable("Binance sent an empty answer; try again later.");
        }
        boolean trade = r.enableSpotAndMarginTrading() || r.enableMargin() || r.enableFutures() || r.enableVanillaOptions();
        boolean withdraw = r.enableWithdrawals() || r.permitsUniversalTransfer() || r.enableInternalTransfer();
        return KeyPermissions.verified(r.enableReading(), trade, withdraw);
    }

    private void readSpot(ApiCredentials credentials, BalanceSheet sheet) {
        BinanceAccountInformation account = signed(credentials, ACCOUNT_WEIGHT,
                (signer, timestamp) -> api.account(null, timestamp, credentials.apiKey(), signer));
        if (account == null) {
            throw new ExchangeUnavailable("Binance sent an empty answer; the sync will retry later.");
        }
        if (account.balances != null) {
            for (BinanceBalance line : account.balances) {
                if (line.getCurrency() != null) {
                    sheet.add(Wallet.SPOT, UnknownAssets.check(ExchangeId.BINANCE, line.getCurrency().getCurrencyCode()),
                            line.getTotal(), line.getAvailable(), line.getLocked());
                }
            }
        }
    }

    private void readFunding(ApiCredentials credentials, BalanceSheet sheet) {
        List<BinanceWalletApi.FundingAsset> assets = signed(credentials, FUNDING_WEIGHT, new BinanceFormSigner(credentials.apiSecret()),
                (signer, timestamp) -> wallets.fundingAssets(timestamp, credentials.apiKey(), signer));
        if (assets == null) {
            throw new ExchangeUnavailable("Binance sent an empty answer for the funding wallet.");
        }
        for (BinanceWalletApi.FundingAsset a : assets) {
            BigDecimal held = orZero(a.locked()).add(orZero(a.freeze())).add(orZero(a.withdrawing()));
            sheet.add(Wallet.FUNDING, UnknownAssets.check(ExchangeId.BINANCE, a.asset()),
                    orZero(a.free()).add(held), orZero(a.free()), held);
        }
    }

    private void readEarn(ApiCredentials credentials, BalanceSheet sheet) {
        for (int page = 1; page <= MAX_PAGES; page++) {
            int current = page;
            BinanceWalletApi.Page<BinanceWalletApi.FlexiblePosition> rows = signed(credentials, EARN_PAGE_WEIGHT,
                    (signer, timestamp) -> wallets.flexiblePositions(current, PAGE_SIZE, timestamp, credentials.apiKey(), signer));
            rows(rows).forEach(p -> sheet.add(Wallet.EARN, p.asset(), p.totalAmount(), BigDecimal.ZERO, p.totalAmount()));
            if (isLastPage(rows, page)) {
                break;
            }
        }
        for (int page = 1; page <= MAX_PAGES; page++) {
            int current = page;
            BinanceWalletApi.Page<BinanceWalletApi.LockedPosition> rows = signed(credentials, EARN_PAGE_WEIGHT,
                    (signer, timestamp) -> wallets.lockedPositions(current, PAGE_SIZE, timestamp, credentials.apiKey(), signer));
            rows(rows).forEach(p -> sheet.add(Wallet.EARN, p.asset(), p.amount(), BigDecimal.ZERO, p.amount()));
            if (isLastPage(rows, page)) {
                break;
            }
        }
    }

    private static <T> List<T> rows(BinanceWalletApi.Page<T> page) {
        if (page == null) {
            throw new ExchangeUnavailable("Binance sent an empty answer for Simple Earn positions.");
        }
        return page.rows() == null ? List.of() : page.rows();
    }

    private static boolean isLastPage(BinanceWalletApi.Page<?> page, int number) {
        int rows = page.rows() == null ? 0 : page.rows().size();
        return rows < PAGE_SIZE || (long) number * PAGE_SIZE >= page.total();
    }

    @FunctionalInterface
    private interface SignedCall<T> {
        T call(ParamsDigest signer, SynchronizedValueFactory<Long> timestamp) throws Exception;
    }

    /** One signed request: budgeted by weight, timestamped on Binance's clock, retried once on -1021. */
    private <T> T signed(ApiCredentials credentials, int weight, SignedCall<T> call) {
        return signed(credentials, weight, XChangeSupport.signer(ExchangeId.BINANCE,
                () -> BinanceHmacDigest.createInstance(credentials.apiSecret())), call);
    }

    private <T> T signed(ApiCredentials credentials, int weight, ParamsDigest signer, SignedCall<T> call) {
        return signed(credentials.apiKey(), weight, () -> {
            // One value per request: rescu may read a form parameter twice (for the body and the signature).
            long timestamp = now();
            try {
                return call.call(signer, () -> timestamp);
            } catch (Exception e) {
                throw BinanceErrors.translate(e);
            }
        });
    }

    @Override
    protected long serverTime() {
        try {
            return wallets.time().serverTime();
        } catch (Exception e) {
            throw BinanceErrors.translate(e);
        }
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}

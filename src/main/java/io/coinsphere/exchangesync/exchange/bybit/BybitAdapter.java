package io.coinsphere.exchangesync.exchange.bybit;

import com.fasterxml.jackson.databind.JsonNode;
import io.coinsphere.exchangesync.exchange.AccountSnapshot;
import io.coinsphere.exchangesync.exchange.ApiCredentials;
import io.coinsphere.exchangesync.exchange.BalanceSheet;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.ExchangesProperties;
import io.coinsphere.exchangesync.exchange.KeyPermissions;
import io.coinsphere.exchangesync.exchange.UnknownAssets;
import io.coinsphere.exchangesync.exchange.Wallet;
import io.coinsphere.exchangesync.exchange.guard.ExchangeGuards;
import io.coinsphere.exchangesync.exchange.http.JsonAmounts;
import io.coinsphere.exchangesync.exchange.http.PartialFetch;
import io.coinsphere.exchangesync.exchange.http.SignedHttpAdapter;
import java.math.BigDecimal;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Bybit balances: the unified trading account ({@link Wallet#SPOT}) and the funding account ({@link Wallet#FUNDING}),
 * and the key's permissions from its key information. The unified account failing fails the fetch; funding failing
 * makes it partial. Requests are signed on Bybit's clock ({@code GET /v5/market/time}) and budgeted per key, as
 * Bybit limits per UID and endpoint.
 */
@Component
public class BybitAdapter extends SignedHttpAdapter {

    static final String UNIFIED = "/v5/account/wallet-balance";
    static final String UNIFIED_QUERY = "accountType=UNIFIED";
    static final String FUNDING = "/v5/asset/transfer/query-account-coins-balance";
    static final String FUNDING_QUERY = "accountType=FUND";
    static final String KEY_INFO = "/v5/user/query-api";
    static final String TIME = "/v5/market/time";

    private static final ExchangeId ID = ExchangeId.BYBIT;

    private final BybitClient client;

    public BybitAdapter(ExchangesProperties properties, ExchangeGuards guards) {
        super(ID, properties, guards);
        this.client = new BybitClient(http(), this::now);
    }

    @Override
    public AccountSnapshot fetch(ApiCredentials credentials) {
        PartialFetch fetch = new PartialFetch(ID);
        BalanceSheet sheet = fetch.sheet();
        // list[0].coin[]: walletBalance in the coin's own decimals, of which "locked" is held by open spot orders.
        for (JsonNode account : signedGet(credentials, UNIFIED, UNIFIED_QUERY).path("list")) {
            for (JsonNode coin : account.path("coin")) {
                BigDecimal total = decimal(coin, "walletBalance");
                BigDecimal locked = decimal(coin, "locked").min(total).max(BigDecimal.ZERO);
                add(sheet, Wallet.SPOT, coin, total, locked);
            }
        }
        fetch.secondary(Wallet.FUNDING, "funding account", () -> {
            // balance[]: walletBalance, of which transferBalance can move; the rest is held (P2P ads, pending).
            for (JsonNode coin : signedGet(credentials, FUNDING, FUNDING_QUERY).path("balance")) {
                BigDecimal total = decimal(coin, "walletBalance");
                BigDecimal free = decimal(coin, "transferBalance").min(total).max(BigDecimal.ZERO);
                add(sheet, Wallet.FUNDING, coin, total, JsonAmounts.difference(total, free));
            }
        });
        return fetch.snapshot();
    }

    /**
     * {@code readOnly} 1 is a read-only key, which can neither trade nor withdraw whatever else it lists; 0 is a
     * read-write key: it can act (a warning), and withdraw where {@code permissions.Wallet} holds {@code Withdraw}.
     */
    @Override
    public KeyPermissions checkPermissions(ApiCredentials credentials) {
        JsonNode info = signedGet(credentials, KEY_INFO, "");
        JsonNode readOnly = info.get("readOnly");
        if (readOnly == null || !readOnly.canConvertToInt()) {
            throw new ExchangeUnavailable("Bybit sent no permissions for this key; try again later.");
        }
        if (readOnly.asInt() == 1) {
            return KeyPermissions.verified(true, false, false);
        }
        boolean withdraw = false;
        for (JsonNode permission : info.path("permissions").path("Wallet")) {
            withdraw |= "Withdraw".equalsIgnoreCase(permission.asText());
        }
        return KeyPermissions.verified(true, true, withdraw);
    }

    private JsonNode signedGet(ApiCredentials credentials, String path, String query) {
        return signed(credentials.apiKey(), () -> client.get(path, query, credentials, now()));
    }

    private static void add(BalanceSheet sheet, Wallet wallet, JsonNode coin, BigDecimal total, BigDecimal locked) {
        String asset = asset(coin);
        if (!asset.isEmpty() && total.signum() > 0) {
            sheet.add(wallet, asset, total, JsonAmounts.difference(total, locked), locked);
        }
    }

    /** Bybit's coin names are the usual tickers ({@code BTC}, {@code USDT}); upper-cased so that one asset is one code everywhere. */
    private static String asset(JsonNode coin) {
        return UnknownAssets.check(ID, coin.path("coin").asText("").strip().toUpperCase(Locale.ROOT));
    }

    private static BigDecimal decimal(JsonNode row, String field) {
        return JsonAmounts.text(ID, row, field);
    }

    /** {@code {"retCode":0,"result":{"timeSecond":"1688639403","timeNano":"1688639403423213947"}}}. */
    @Override
    protected long serverTime() {
        JsonNode result = client.getPublic(TIME);
        try {
            return Long.parseLong(result.path("timeNano").asText()) / 1_000_000;
        } catch (NumberFormatException e) {
            throw new ExchangeUnavailable("Bybit sent no server time.");
        }
    }
}

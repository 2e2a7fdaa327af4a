package io.coinsphere.exchangesync.exchange.okx;

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
import io.coinsphere.exchangesync.exchange.http.Secrets;
import io.coinsphere.exchangesync.exchange.guard.ExchangeGuards;
import io.coinsphere.exchangesync.exchange.http.JsonAmounts;
import io.coinsphere.exchangesync.exchange.http.PartialFetch;
import io.coinsphere.exchangesync.exchange.http.SignedHttpAdapter;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * OKX balances: the trading account ({@link Wallet#SPOT}), the funding account ({@link Wallet#FUNDING}) and
 * Simple Earn savings ({@link Wallet#EARN}, counted as locked), and the key's permissions from its account
 * configuration. The trading account failing fails the fetch; funding or earn failing makes it partial.
 * Requests are signed on OKX's clock ({@code GET /api/v5/public/time}) and budgeted per key.
 */
@Component
public class OkxAdapter extends SignedHttpAdapter {

    static final String TRADING = "/api/v5/account/balance";
    static final String FUNDING = "/api/v5/asset/balances";
    static final String SAVINGS = "/api/v5/finance/savings/balance";
    static final String CONFIG = "/api/v5/account/config";
    static final String TIME = "/api/v5/public/time";

    private static final ExchangeId ID = ExchangeId.OKX;

    private final OkxClient client;

    public OkxAdapter(ExchangesProperties properties, ExchangeGuards guards) {
        super(ID, properties, guards);
        this.client = new OkxClient(http());
    }

    @Override
    public AccountSnapshot fetch(ApiCredentials credentials) {
        Secrets.requirePassphrase(ID, credentials);
        PartialFetch fetch = new PartialFetch(ID);
        BalanceSheet sheet = fetch.sheet();
        // details[]: cashBal = availBal + frozenBal, in the currency's own decimals.
        for (JsonNode account : signedGet(credentials, TRADING)) {
            for (JsonNode detail : account.path("details")) {
                add(sheet, Wallet.SPOT, detail, "cashBal", "availBal", "frozenBal");
            }
        }
        fetch.secondary(Wallet.FUNDING, "funding account", () -> {
            for (JsonNode balance : signedGet(credentials, FUNDING)) {
                add(sheet, Wallet.FUNDING, balance, "bal", "availBal", "frozenBal");
            }
        });
        fetch.secondary(Wallet.EARN, "Simple Earn", () -> {
            for (JsonNode saving : signedGet(credentials, SAVINGS)) {
                String asset = asset(saving);
                BigDecimal amount = JsonAmounts.text(ID, saving, "amt");
                if (!asset.isEmpty() && amount.signum() > 0) {
                    sheet.addLocked(Wallet.EARN, asset, amount);
                }
            }
        });
        return fetch.snapshot();
    }

    /** {@code perm} is a comma list of {@code read_only}, {@code trade} and {@code withdraw}. */
    @Override
    public KeyPermissions checkPermissions(ApiCredentials credentials) {
        Secrets.requirePassphrase(ID, credentials);
        JsonNode data = signedGet(credentials, CONFIG);
        String perm = data.path(0).path("perm").asText("");
        if (perm.isBlank()) {
            throw new ExchangeUnavailable("OKX sent no permissions for this key; try again later.");
        }
        Set<String> names = Arrays.stream(perm.split(",")).map(p -> p.trim().toLowerCase(Locale.ROOT))
                .filter(p -> !p.isEmpty()).collect(Collectors.toSet());
        // Every OKX key can read; "read_only" is listed alone on a key without trade or withdraw.
        return KeyPermissions.verified(true, names.contains("trade"), names.contains("withdraw"));
    }

    private JsonNode signedGet(ApiCredentials credentials, String pathWithQuery) {
        return signed(credentials.apiKey(), () -> client.get(pathWithQuery, credentials, now()));
    }

    private static void add(BalanceSheet sheet, Wallet wallet, JsonNode row, String total, String available, String frozen) {
        String asset = asset(row);
        BigDecimal amount = JsonAmounts.text(ID, row, total);
        if (!asset.isEmpty() && amount.signum() > 0) {
            sheet.add(wallet, asset, amount, JsonAmounts.text(ID, row, available), JsonAmounts.text(ID, row, frozen));
        }
    }

    /** OKX's codes are the usual tickers ({@code BTC}, {@code USDT}); upper-cased so that one asset is one code everywhere. */
    private static String asset(JsonNode row) {
        return UnknownAssets.check(ID, row.path("ccy").asText("").strip().toUpperCase(Locale.ROOT));
    }

    /** {@code {"code":"0","data":[{"ts":"1597026383085"}]}}. */
    @Override
    protected long serverTime() {
        try {
            return Long.parseLong(client.getPublic(TIME).path(0).path("ts").asText());
        } catch (NumberFormatException e) {
            throw new ExchangeUnavailable("OKX sent no server time.");
        }
    }
}

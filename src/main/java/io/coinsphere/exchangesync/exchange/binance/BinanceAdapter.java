package io.coinsphere.exchangesync.exchange.binance;

import com.fasterxml.jackson.databind.JsonNode;
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
import io.coinsphere.exchangesync.exchange.guard.ExchangeGuards;
import io.coinsphere.exchangesync.exchange.http.JsonAmounts;
import io.coinsphere.exchangesync.exchange.http.Secrets;
import io.coinsphere.exchangesync.exchange.http.SignedHttpAdapter;
import io.coinsphere.exchangesync.exchange.signing.BinanceSignature;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Binance: spot ({@code /api/v3/account}), funding wallet and Simple Earn flexible + locked positions.
 * Spot failing fails the sync; funding or earn failing makes it partial (their previous amounts kept).
 * Earn positions cost 150 weight per page, so they are read at most every {@code earn-refresh}.
 */
@Component
public class BinanceAdapter extends SignedHttpAdapter {

    static final int ACCOUNT_WEIGHT = 20;
    static final int FUNDING_WEIGHT = 1;
    static final int RESTRICTIONS_WEIGHT = 1;
    static final int EARN_PAGE_WEIGHT = 150;
    /** Binance's largest page; more than 20 pages of positions would be an account we do not expect. */
    private static final int PAGE_SIZE = 100;
    private static final int MAX_PAGES = 20;

    private static final ExchangeId ID = ExchangeId.BINANCE;

    private final EarnSchedule earnSchedule;

    public BinanceAdapter(ExchangesProperties properties, ExchangeGuards guards) {
        super(ID, properties, guards);
        Duration earnRefresh = properties.endpoint(ID).earnRefresh();
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

    /** What the key may do; weight 1. */
    @Override
    public KeyPermissions checkPermissions(ApiCredentials credentials) {
        JsonNode r = signedGet(credentials, RESTRICTIONS_WEIGHT, "/sapi/v1/account/apiRestrictions", "");
        boolean trade = flag(r, "enableSpotAndMarginTrading") || flag(r, "enableMargin") || flag(r, "enableFutures")
                || flag(r, "enableVanillaOptions");
        boolean withdraw = flag(r, "enableWithdrawals") || flag(r, "permitsUniversalTransfer") || flag(r, "enableInternalTransfer");
        return KeyPermissions.verified(flag(r, "enableReading"), trade, withdraw);
    }

    /** Spot, weight 20: free and locked per asset. */
    private void readSpot(ApiCredentials credentials, BalanceSheet sheet) {
        JsonNode account = signedGet(credentials, ACCOUNT_WEIGHT, "/api/v3/account", "");
        for (JsonNode line : account.path("balances")) {
            String asset = line.path("asset").asText("");
            if (!asset.isEmpty()) {
                BigDecimal free = JsonAmounts.nonNegative(ID, line.path("free"));
                BigDecimal locked = JsonAmounts.nonNegative(ID, line.path("locked"));
                sheet.add(Wallet.SPOT, UnknownAssets.check(ID, asset), free.add(locked), free, locked);
            }
        }
    }

    /** Funding wallet, weight 1; a POST whose form body carries the signed parameters. */
    private void readFunding(ApiCredentials credentials, BalanceSheet sheet) {
        JsonNode assets = signed(credentials.apiKey(), FUNDING_WEIGHT, () -> {
            String body = signedParams(credentials, "");
            return answer(http().request("/sapi/v1/asset/get-funding-asset").header("X-MBX-APIKEY", credentials.apiKey())
                    .header("Accept", "application/json").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        });
        if (!assets.isArray()) {
            throw new ExchangeUnavailable("Binance sent an answer for the funding wallet we could not read.");
        }
        // All four amounts belong to the user: free, in orders, frozen, being withdrawn.
        for (JsonNode a : assets) {
            BigDecimal free = JsonAmounts.nonNegative(ID, a.path("free"));
            BigDecimal held = JsonAmounts.nonNegative(ID, a.path("locked")).add(JsonAmounts.nonNegative(ID, a.path("freeze")))
                    .add(JsonAmounts.nonNegative(ID, a.path("withdrawing")));
            sheet.add(Wallet.FUNDING, UnknownAssets.check(ID, a.path("asset").asText("")), free.add(held), free, held);
        }
    }

    /** Simple Earn flexible, then locked positions, a page at a time; weight 150 per page. */
    private void readEarn(ApiCredentials credentials, BalanceSheet sheet) {
        readEarnPages(credentials, "/sapi/v1/simple-earn/flexible/position", "totalAmount", sheet);
        readEarnPages(credentials, "/sapi/v1/simple-earn/locked/position", "amount", sheet);
    }

    private void readEarnPages(ApiCredentials credentials, String path, String amountField, BalanceSheet sheet) {
        for (int page = 1; page <= MAX_PAGES; page++) {
            JsonNode answer = signedGet(credentials, EARN_PAGE_WEIGHT, path, "current=" + page + "&size=" + PAGE_SIZE);
            JsonNode rows = answer.path("rows");
            for (JsonNode p : rows) {
                BigDecimal amount = JsonAmounts.nonNegative(ID, p.path(amountField));
                sheet.add(Wallet.EARN, p.path("asset").asText(""), amount, BigDecimal.ZERO, amount);
            }
            if (rows.size() < PAGE_SIZE || (long) page * PAGE_SIZE >= answer.path("total").asLong(0)) {
                break;
            }
        }
    }

    /** One signed GET: budgeted by weight, timestamped on Binance's clock, retried once on -1021. */
    private JsonNode signedGet(ApiCredentials credentials, int weight, String path, String params) {
        return signed(credentials.apiKey(), weight, () -> answer(http().get(path + "?" + signedParams(credentials, params))
                .header("X-MBX-APIKEY", credentials.apiKey())));
    }

    /** {@code params&timestamp=...&signature=...}: the signature covers every parameter before it. */
    private String signedParams(ApiCredentials credentials, String params) {
        String unsigned = (params.isEmpty() ? "" : params + "&") + "timestamp=" + now();
        return unsigned + "&signature=" + Secrets.sign(ID, () -> BinanceSignature.sign(credentials.apiSecret(), unsigned));
    }

    private JsonNode answer(HttpRequest.Builder request) {
        return http().nonEmptyTree(http().sendExpectingOk(request.build(), BinanceErrors::fromAnswer).body());
    }

    @Override
    protected long serverTime() {
        JsonNode time = answer(http().get("/api/v3/time")).path("serverTime");
        if (!time.canConvertToLong()) {
            throw new ExchangeUnavailable("Binance sent no server time.");
        }
        return time.asLong();
    }

    private static boolean flag(JsonNode node, String field) {
        return node.path(field).asBoolean(false);
    }
}

package io.coinsphere.exchangesync.exchange.kucoin;

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
import io.coinsphere.exchangesync.exchange.http.Secrets;
import io.coinsphere.exchangesync.exchange.http.SignedHttpAdapter;
import io.coinsphere.exchangesync.exchange.signing.KucoinSignature;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * KuCoin balances: one unfiltered account list, merged per currency over the funding ("main") and
 * spot ("trade", "trade_hf") accounts, kept apart as wallets. total = balance, locked = holds.
 */
@Component
public class KucoinAdapter extends SignedHttpAdapter {

    private static final ExchangeId ID = ExchangeId.KUCOIN;
    /** Version 2 and 3 keys both authenticate the same way; version 2 is accepted for both. */
    static final String KEY_VERSION = "2";
    /** KuCoin's answer envelope: {@code {"code":"200000","data":...}}; any other code is an error. */
    private static final String SUCCESS = "200000";

    /**
     * Margin accounts are left out: their balances include borrowed funds, so adding them would
     * overstate what the user owns.
     */
    private static final Map<String, Wallet> HOLDING_ACCOUNT_TYPES =
            Map.of("main", Wallet.FUNDING, "trade", Wallet.SPOT, "trade_hf", Wallet.SPOT);
    /** KuCoin permission names that allow moving funds out; anything but "General" allows trading. */
    private static final Set<String> WITHDRAW_PERMISSIONS = Set.of("withdrawal", "transfer", "innertransfer");

    public KucoinAdapter(ExchangesProperties properties, ExchangeGuards guards) {
        super(ID, properties, guards);
    }

    /** All accounts of every type (main, trade, margin ...), one line per currency and type. */
    @Override
    public AccountSnapshot fetch(ApiCredentials credentials) {
        JsonNode accounts = signedGet("/api/v1/accounts", credentials);
        BalanceSheet sheet = new BalanceSheet();
        for (JsonNode account : accounts) {
            Wallet wallet = HOLDING_ACCOUNT_TYPES.get(account.path("type").asText("").toLowerCase(Locale.ROOT));
            String currency = account.path("currency").asText("");
            if (wallet != null && !currency.isEmpty()) {
                sheet.add(wallet, UnknownAssets.check(ID, currency), JsonAmounts.nonNegative(ID, account.path("balance")),
                        JsonAmounts.nonNegative(ID, account.path("available")), JsonAmounts.nonNegative(ID, account.path("holds")));
            }
        }
        return AccountSnapshot.complete(sheet.toList());
    }

    /** The key's own record: its comma-separated permissions ("General" alone is read-only). */
    @Override
    public KeyPermissions checkPermissions(ApiCredentials credentials) {
        String permission = signedGet("/api/v1/user/api-key", credentials).path("permission").asText(null);
        if (permission == null) {
            throw new ExchangeUnavailable("KuCoin sent no permissions for this key; try again later.");
        }
        Set<String> names = Arrays.stream(permission.split(","))
                .map(p -> p.trim().toLowerCase(Locale.ROOT)).filter(p -> !p.isEmpty()).collect(Collectors.toSet());
        boolean withdraw = names.stream().anyMatch(WITHDRAW_PERMISSIONS::contains);
        boolean trade = names.stream().anyMatch(p -> !p.equals("general") && !WITHDRAW_PERMISSIONS.contains(p));
        return KeyPermissions.verified(names.contains("general"), trade, withdraw);
    }

    /** One signed GET on KuCoin's clock, budgeted, retried once on 400002; gives the envelope's {@code data}. */
    private JsonNode signedGet(String endpoint, ApiCredentials credentials) {
        String passphrase = Secrets.requirePassphrase(ID, credentials);
        String signedPassphrase = Secrets.sign(ID, () -> KucoinSignature.passphrase(credentials.apiSecret(), passphrase));
        return signed(credentials.apiKey(), () -> {
            String timestamp = Long.toString(now());
            String signature = Secrets.sign(ID, () -> KucoinSignature.sign(credentials.apiSecret(), timestamp, "GET", endpoint, ""));
            return data(http().get(endpoint)
                    .header("KC-API-KEY", credentials.apiKey())
                    .header("KC-API-SIGN", signature)
                    .header("KC-API-TIMESTAMP", timestamp)
                    .header("KC-API-PASSPHRASE", signedPassphrase)
                    .header("KC-API-KEY-VERSION", KEY_VERSION));
        });
    }

    /** Server time in milliseconds; public. */
    @Override
    protected long serverTime() {
        JsonNode time = data(http().get("/api/v1/timestamp"));
        if (!time.canConvertToLong()) {
            throw new ExchangeUnavailable("KuCoin sent no server time.");
        }
        return time.asLong();
    }

    private JsonNode data(HttpRequest.Builder request) {
        HttpResponse<String> response = http().send(request.build());
        if (response.statusCode() != 200) {
            throw KucoinErrors.fromAnswer(response.statusCode(), response.body(), response.headers().map());
        }
        JsonNode body = http().nonEmptyTree(response.body());
        String code = body.path("code").asText("");
        if (!SUCCESS.equals(code)) {
            // KuCoin sometimes reports errors in an HTTP 200 answer.
            throw KucoinErrors.fromUnsuccessfulBody(code, body.path("msg").asText(null));
        }
        JsonNode data = body.path("data");
        if (data.isMissingNode() || data.isNull()) {
            throw new ExchangeUnavailable("KuCoin sent an empty answer; the sync will retry later.");
        }
        return data;
    }
}

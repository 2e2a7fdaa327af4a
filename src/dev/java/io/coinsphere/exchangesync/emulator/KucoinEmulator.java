package io.coinsphere.exchangesync.emulator;

import static io.coinsphere.exchangesync.emulator.Json.amount;
import static io.coinsphere.exchangesync.emulator.Json.obj;

import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.signing.Hmac;
import io.coinsphere.exchangesync.exchange.signing.KucoinSignature;
import java.util.UUID;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * KuCoin spot: signed {@code GET /api/v1/accounts} (trade = {@link Wallet#SPOT}, main = {@link Wallet#FUNDING})
 * and {@code GET /api/v1/user/api-key}, public {@code GET /api/v1/timestamp}. Only key versions 2 and 3
 * are accepted, so the passphrase must be signed; {@code gw-ratelimit-*} headers on every keyed answer.
 */
final class KucoinEmulator extends EmulatorHandler {

    static final String KEY_HEADER = "KC-API-KEY";
    private static final long MAX_SKEW_MILLIS = 5_000;
    /** VIP0 management pool: 2000 per 30 s, counted per key here (per account at KuCoin). */
    static final EmulatedLimit.Rule DEFAULT_LIMIT = new EmulatedLimit.Rule(EmulatedLimit.Kind.FIXED_WINDOW, 2_000, Duration.ofSeconds(30));

    KucoinEmulator() {
        super(ExchangeId.KUCOIN, KEY_HEADER, Set.of(Wallet.SPOT, Wallet.FUNDING), DEFAULT_LIMIT);
    }

    @Override
    Reply route(EmulatedRequest request) {
        String apiKey = request.header(KEY_HEADER);
        if (apiKey != null && !admit(apiKey, 1)) {
            return Reply.json(429, rateLimitBody());
        }
        return switch (request.route()) {
            case "GET /api/v1/timestamp" -> ok(reportedMillis());
            case "GET /api/v1/market/allTickers" -> ok(EmulatedTickers.kucoin(market(), nowMillis()));
            case "GET /api/v1/accounts" -> ok(accounts(authenticate(request), request));
            case "GET /api/v1/user/api-key" -> ok(apiKeyInfo(authenticate(request)));
            default -> Reply.json(404, obj("code", "404000", "msg", "Not Found"));
        };
    }

    private static List<Object> accounts(EmulatedAccount account, EmulatedRequest request) {
        String type = request.query().get("type");
        String currency = request.query().get("currency");
        List<Object> result = new ArrayList<>();
        for (Wallet wallet : List.of(Wallet.FUNDING, Wallet.SPOT)) {
            String walletType = wallet == Wallet.SPOT ? "trade" : "main";
            if (type != null && !type.isEmpty() && !type.equals(walletType)) {
                continue;
            }
            account.balances(wallet).forEach((asset, holding) -> {
                if (currency == null || currency.isEmpty() || currency.equals(asset)) {
                    String id = account.stableId(walletType + "/" + asset).toString().replace("-", "").substring(0, 24);
                    result.add(obj("id", id, "currency", asset, "type", walletType, "balance", amount(holding.total()),
                            "available", amount(holding.free()), "holds", amount(holding.locked())));
                }
            });
        }
        return result;
    }

    private static Map<String, Object> apiKeyInfo(EmulatedAccount account) {
        StringBuilder permission = new StringBuilder("General");
        if (account.has(Permission.TRADE)) {
            permission.append(",Spot");
        }
        if (account.has(Permission.WITHDRAW)) {
            permission.append(",Withdrawal");
        }
        return obj("remark", "emulated", "apiKey", account.apiKey(), "apiVersion", account.keyVersion(),
                "permission", permission.toString(), "ipWhitelist", account.isIpBlocked() ? "203.0.113.7" : "", "createdAt", 1_700_000_000_000L,
                "uid", Math.abs(account.stableId("uid").getMostSignificantBits() % 1_000_000_000L), "isMaster", true);
    }

    /** KuCoin's header checks, in the order that gives each documented error code. */
    private EmulatedAccount authenticate(EmulatedRequest request) {
        String apiKey = request.header(KEY_HEADER);
        String sign = request.header("KC-API-SIGN");
        String timestamp = request.header("KC-API-TIMESTAMP");
        String passphrase = request.header("KC-API-PASSPHRASE");
        if (apiKey == null || sign == null || timestamp == null || passphrase == null) {
            throw error("400001", "Please check the header of your request for KC-API-KEY, KC-API-SIGN, "
                    + "KC-API-TIMESTAMP, KC-API-PASSPHRASE");
        }
        String version = request.header("KC-API-KEY-VERSION");
        // No header means a version 1 key, whose plain-text passphrase scheme is retired.
        if (version == null || version.equals("1")) {
            throw error("400008", "API key version 1 is no longer supported, please use KC-API-KEY-VERSION 2 or 3");
        }
        if (!version.equals("2") && !version.equals("3")) {
            throw error("400009", "Invalid KC-API-KEY-VERSION");
        }
        if (!withinSkew(timestamp)) {
            throw error("400002", "KC-API-TIMESTAMP Invalid -- Time differs from server time by more than 5 seconds");
        }
        EmulatedAccount account = account(apiKey).orElseThrow(() -> error("400003", "KC-API-KEY not exists"));
        if (account.keyVersion() < 2) {
            throw error("400008", "API key version 1 is no longer supported, please create a new API key");
        }
        if (!Hmac.constantTimeEquals(KucoinSignature.passphrase(account.apiSecret(), account.passphrase()), passphrase)) {
            throw error("400004", "Invalid KC-API-PASSPHRASE");
        }
        String expected = KucoinSignature.sign(account.apiSecret(), timestamp, request.method(),
                request.pathWithQuery(), request.body());
        if (!Hmac.constantTimeEquals(expected, sign)) {
            throw error("400005", "Invalid KC-API-SIGN");
        }
        if (account.isIpBlocked()) {
            throw error("400006", "The requested IP address is not in the API whitelist");
        }
        if (!account.has(Permission.READ)) {
            throw error("400007", "Access Denied -- Your API key does not have sufficient permissions to access the URI");
        }
        return account;
    }

    private boolean withinSkew(String timestamp) {
        try {
            return Math.abs(nowMillis() - Long.parseLong(timestamp)) <= MAX_SKEW_MILLIS;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    Reply decorate(EmulatedRequest request, Reply reply) {
        String apiKey = request.header(KEY_HEADER);
        if (apiKey == null) {
            return reply;
        }
        EmulatedLimit pool = limit(apiKey);
        EmulatedLimit.Rule rule = rateRule();
        if (pool == null || rule == null) {
            return reply;
        }
        long now = nowMillis();
        return reply.withHeader("gw-ratelimit-limit", Long.toString(rule.limit()))
                .withHeader("gw-ratelimit-remaining", Long.toString(Math.max(0, rule.limit() - pool.used(now))))
                .withHeader("gw-ratelimit-reset", Long.toString(pool.millisToReset(now)));
    }

    private static Reply ok(Object data) {
        return Reply.json(obj("code", "200000", "data", data));
    }

    private static Reply.Rejected error(String code, String message) {
        return reject(Reply.json(401, obj("code", code, "msg", message)));
    }

    @Override
    Object rateLimitBody() {
        return obj("code", "429000", "msg", "Too Many Requests");
    }

    @Override
    RandomCredentials randomCredentials() {
        return new RandomCredentials(RandomCredentials.hex(12), UUID.randomUUID().toString(), RandomCredentials.alphanumeric(12));
    }

    @Override
    void validateCredentials(String apiKey, String apiSecret, String passphrase) {
        // KuCoin keys and secrets are opaque strings; nothing to check beyond the passphrase.
    }
}

package io.coinsphere.exchangesync.emulator;

import static io.coinsphere.exchangesync.emulator.Json.amount;
import static io.coinsphere.exchangesync.emulator.Json.obj;

import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.signing.Hmac;
import io.coinsphere.exchangesync.exchange.signing.KrakenSignature;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kraken spot: private {@code Balance}, {@code BalanceEx} and {@code TradeBalance}, public {@code Time},
 * {@code Assets} and {@code AssetPairs}. Errors come as HTTP 200 {@code {"error":[...]}}; nonces must
 * strictly increase per key.
 */
final class KrakenEmulator extends EmulatorHandler {

    static final String KEY_HEADER = "API-Key";

    /** Starter tier: a per-key counter of at most 15, +1 per call, decaying 0.33 per second (15 per 45 s). */
    static final EmulatedLimit.Rule DEFAULT_LIMIT = new EmulatedLimit.Rule(EmulatedLimit.Kind.DECAYING, 15, Duration.ofSeconds(45));

    KrakenEmulator() {
        super(ExchangeId.KRAKEN, KEY_HEADER, Set.of(Wallet.SPOT), DEFAULT_LIMIT);
    }

    @Override
    Reply route(EmulatedRequest request) {
        String apiKey = request.header(KEY_HEADER);
        if (request.path().startsWith("/0/private/") && apiKey != null && account(apiKey).isPresent() && !admit(apiKey, 1)) {
            return Reply.json(200, rateLimitBody());
        }
        return switch (request.route()) {
            case "GET /0/public/Time", "POST /0/public/Time" -> ok(time());
            case "GET /0/public/Assets", "POST /0/public/Assets" -> ok(KrakenStatic.assets());
            case "GET /0/public/AssetPairs", "POST /0/public/AssetPairs" -> ok(KrakenStatic.assetPairs(market().listings(ExchangeId.KRAKEN)));
            case "GET /0/public/Ticker", "POST /0/public/Ticker" -> ok(EmulatedTickers.kraken(market(), nowMillis()));
            case "POST /0/private/Balance" -> ok(balance(authenticate(request, Permission.READ)));
            case "POST /0/private/BalanceEx" -> ok(balanceEx(authenticate(request, Permission.READ)));
            case "POST /0/private/TradeBalance" ->
                    ok(tradeBalance(authenticate(request, Permission.QUERY_TRADES), request.param("asset")));
            default -> Reply.json(404, errorBody("EGeneral:Unknown method"));
        };
    }

    private Map<String, Object> time() {
        Instant now = Instant.ofEpochMilli(reportedMillis());
        return obj("unixtime", now.getEpochSecond(),
                "rfc1123", DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atOffset(ZoneOffset.UTC)));
    }

    private static Map<String, Object> balance(EmulatedAccount account) {
        Map<String, Object> result = new LinkedHashMap<>();
        account.balances(Wallet.SPOT).forEach((asset, holding) -> result.put(asset, amount(holding.total())));
        return result;
    }

    private static Map<String, Object> balanceEx(EmulatedAccount account) {
        Map<String, Object> result = new LinkedHashMap<>();
        account.balances(Wallet.SPOT).forEach((asset, holding) -> result.put(asset, obj(
                "balance", amount(holding.total()), "hold_trade", amount(holding.locked()),
                "credit", "0.0000", "credit_used", "0.0000")));
        return result;
    }

    /** Without prices the emulator can only value the quote asset itself; the shape is what matters. */
    private static Map<String, Object> tradeBalance(EmulatedAccount account, String asset) {
        EmulatedAccount.Holding holding = account.balances(Wallet.SPOT).get(asset == null ? "ZUSD" : asset);
        String equity = amount(holding == null ? BigDecimal.ZERO : holding.total());
        return obj("eb", equity, "tb", equity, "m", "0.0000", "n", "0.0000", "c", "0.0000", "v", "0.0000",
                "e", equity, "mf", equity, "uv", "0.0000");
    }

    private EmulatedAccount authenticate(EmulatedRequest request, Permission needed) {
        EmulatedAccount account = account(request.header(KEY_HEADER))
                .orElseThrow(() -> error("EAPI:Invalid key"));
        String nonceText = request.form().get("nonce");
        long nonce;
        try {
            nonce = Long.parseUnsignedLong(nonceText == null ? "" : nonceText);
        } catch (NumberFormatException e) {
            throw error("EAPI:Invalid nonce");
        }
        String expected = KrakenSignature.sign(account.apiSecret(), request.path(), nonceText, request.body());
        if (!Hmac.constantTimeEquals(expected, request.header("API-Sign"))) {
            throw error("EAPI:Invalid signature");
        }
        // Only a correctly signed request may advance the nonce, or anyone could lock the key out.
        if (!account.acceptNonce(nonce)) {
            throw error("EAPI:Invalid nonce");
        }
        if (!account.has(needed)) {
            throw error("EGeneral:Permission denied");
        }
        return account;
    }

    private static Reply ok(Object result) {
        return Reply.json(obj("error", List.of(), "result", result));
    }

    private static Map<String, Object> errorBody(String error) {
        return obj("error", List.of(error));
    }

    private static Reply.Rejected error(String error) {
        return reject(Reply.json(200, errorBody(error)));
    }

    @Override
    Object rateLimitBody() {
        return errorBody("EAPI:Rate limit exceeded");
    }

    @Override
    RandomCredentials randomCredentials() {
        return new RandomCredentials(RandomCredentials.base64(42), RandomCredentials.base64(64), null);
    }

    @Override
    void validateCredentials(String apiKey, String apiSecret, String passphrase) {
        Hmac.base64Decode(apiSecret); // Kraken secrets are base64; fail at setup, not on the first request
    }
}

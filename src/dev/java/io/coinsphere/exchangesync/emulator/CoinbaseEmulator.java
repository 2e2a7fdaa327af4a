package io.coinsphere.exchangesync.emulator;

import static io.coinsphere.exchangesync.emulator.Json.amount;
import static io.coinsphere.exchangesync.emulator.Json.obj;

import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.signing.CoinbaseSignature;
import io.coinsphere.exchangesync.exchange.signing.Hmac;
import java.util.Locale;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Coinbase Exchange: signed {@code GET /accounts}, public {@code /time}, {@code /products} and
 * {@code /currencies}. Errors are {@code {"message":...}}; the timestamp must be within 30 s.
 */
final class CoinbaseEmulator extends EmulatorHandler {

    static final String KEY_HEADER = "CB-ACCESS-KEY";
    private static final long MAX_SKEW_MILLIS = 30_000;

    /** 15 requests per second per profile with bursts of 30: a counter of 30 draining 30 per 2 s. */
    static final EmulatedLimit.Rule DEFAULT_LIMIT = new EmulatedLimit.Rule(EmulatedLimit.Kind.DECAYING, 30, Duration.ofSeconds(2));

    CoinbaseEmulator() {
        super(ExchangeId.COINBASE, KEY_HEADER, Set.of(Wallet.SPOT), DEFAULT_LIMIT);
    }

    @Override
    Reply route(EmulatedRequest request) {
        String apiKey = request.header(KEY_HEADER);
        if (apiKey != null && !admit(apiKey, 1)) {
            return Reply.json(429, rateLimitBody());
        }
        if (request.route().startsWith("GET /products/") && request.path().endsWith("/ticker")) {
            String product = request.path().substring("/products/".length(), request.path().length() - "/ticker".length());
            return EmulatedTickers.coinbase(market(), nowMillis(), product).map(Reply::json)
                    .orElseGet(() -> error(404, "NotFound").reply());
        }
        return switch (request.route()) {
            case "GET /time" -> Reply.json(time());
            case "GET /products" -> Reply.json(CoinbaseStatic.products(market().listings(ExchangeId.COINBASE)));
            case "GET /currencies" -> Reply.json(CoinbaseStatic.currencies());
            case "GET /accounts" -> Reply.json(accounts(authenticate(request)));
            default -> error(404, "NotFound").reply();
        };
    }

    private Map<String, Object> time() {
        long now = reportedMillis();
        return obj("iso", Instant.ofEpochMilli(now).toString(), "epoch", BigDecimal.valueOf(now, 3));
    }

    private static List<Map<String, Object>> accounts(EmulatedAccount account) {
        String profileId = account.stableId("profile").toString();
        return account.balances(Wallet.SPOT).entrySet().stream()
                .map(e -> obj(
                        "id", account.stableId("account/" + e.getKey()).toString(),
                        "currency", e.getKey(),
                        "balance", amount(e.getValue().total()),
                        "hold", amount(e.getValue().locked()),
                        "available", amount(e.getValue().free()),
                        "profile_id", profileId,
                        "trading_enabled", true))
                .toList();
    }

    private EmulatedAccount authenticate(EmulatedRequest request) {
        EmulatedAccount account = account(request.header(KEY_HEADER))
                .orElseThrow(() -> error(401, "Invalid API Key"));
        if (!account.passphrase().equals(request.header("CB-ACCESS-PASSPHRASE"))) {
            throw error(401, "Invalid Passphrase");
        }
        String timestamp = request.header("CB-ACCESS-TIMESTAMP");
        long millis;
        try {
            millis = new BigDecimal(timestamp == null ? "" : timestamp).movePointRight(3).longValue();
        } catch (NumberFormatException e) {
            throw error(400, "invalid timestamp");
        }
        // Status 401 is a guess: the real exchange's status for an expired timestamp is unverified.
        if (Math.abs(nowMillis() - millis) > MAX_SKEW_MILLIS) {
            throw error(401, "request timestamp expired");
        }
        String expected = CoinbaseSignature.sign(account.apiSecret(), timestamp, request.method(),
                request.pathWithQuery(), request.body());
        if (!Hmac.constantTimeEquals(expected, request.header("CB-ACCESS-SIGN"))) {
            throw error(401, "invalid signature");
        }
        if (account.isIpBlocked()) {
            throw error(401, "IP address not in the allowlist of this API key");
        }
        if (!account.has(Permission.READ)) {
            throw error(403, "Forbidden");
        }
        return account;
    }

    private static Reply.Rejected error(int status, String message) {
        return reject(Reply.json(status, obj("message", message)));
    }

    @Override
    Object rateLimitBody() {
        return obj("message", "rate limit exceeded");
    }

    @Override
    RandomCredentials randomCredentials() {
        return new RandomCredentials(RandomCredentials.hex(16), RandomCredentials.base64(64),
                RandomCredentials.alphanumeric(11).toLowerCase(Locale.ROOT));
    }

    @Override
    void validateCredentials(String apiKey, String apiSecret, String passphrase) {
        Hmac.base64Decode(apiSecret); // Coinbase Exchange secrets are base64
    }
}

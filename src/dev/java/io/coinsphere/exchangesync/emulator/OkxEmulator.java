package io.coinsphere.exchangesync.emulator;

import static io.coinsphere.exchangesync.emulator.Json.amount;
import static io.coinsphere.exchangesync.emulator.Json.obj;

import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.signing.Hmac;
import io.coinsphere.exchangesync.exchange.signing.OkxSignature;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * OKX v5: signed {@code GET /api/v5/account/balance} (trading = {@link Wallet#SPOT}), {@code /api/v5/asset/balances}
 * (funding = {@link Wallet#FUNDING}), {@code /api/v5/finance/savings/balance} (Simple Earn =
 * {@link Wallet#EARN_FLEXIBLE}) and {@code /api/v5/account/config} ({@code perm}); public {@code /api/v5/public/time}.
 * Checks OKX's headers in its order, a timestamp within 30 s, the passphrase and the base64 HMAC-SHA256 of
 * timestamp + method + path with query + body; errors are {@code {"code":"501xx","msg":...,"data":[]}} with 401.
 */
final class OkxEmulator extends EmulatorHandler {

    static final String KEY_HEADER = "OK-ACCESS-KEY";
    private static final long MAX_SKEW_MILLIS = 30_000;
    private static final Pattern API_KEY = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern SECRET = Pattern.compile("[0-9A-F]{32}");
    /** Per user id and endpoint; the trading balance's 10 per 2 s is the tightest of those we call. */
    static final EmulatedLimit.Rule DEFAULT_LIMIT = new EmulatedLimit.Rule(EmulatedLimit.Kind.FIXED_WINDOW, 10, Duration.ofSeconds(2));

    OkxEmulator() {
        super(ExchangeId.OKX, KEY_HEADER, Set.of(Wallet.SPOT, Wallet.FUNDING, Wallet.EARN_FLEXIBLE), DEFAULT_LIMIT);
    }

    @Override
    Reply route(EmulatedRequest request) {
        if (request.route().equals("GET /api/v5/public/time")) {
            return ok(List.of(obj("ts", Long.toString(reportedMillis()))));
        }
        if (request.route().equals("GET /api/v5/market/tickers")) {
            return "SPOT".equals(request.query().get("instType")) ? ok(EmulatedTickers.okx(market(), nowMillis()))
                    : Reply.json(400, obj("code", "51000", "msg", "Parameter instType error", "data", List.of()));
        }
        String apiKey = request.header(KEY_HEADER);
        if (apiKey != null && !admit(apiKey + " " + request.path(), 1)) {
            return Reply.json(429, rateLimitBody());
        }
        return switch (request.route()) {
            case "GET /api/v5/account/balance" -> ok(List.of(trading(authenticate(request))));
            case "GET /api/v5/asset/balances" -> ok(funding(authenticate(request)));
            case "GET /api/v5/finance/savings/balance" -> ok(savings(authenticate(request)));
            case "GET /api/v5/account/config" -> ok(List.of(config(authenticate(request))));
            default -> Reply.json(404, obj("code", "50000", "msg", "Not Found", "data", List.of()));
        };
    }

    private static Map<String, Object> trading(EmulatedAccount account) {
        List<Object> details = new ArrayList<>();
        account.balances(Wallet.SPOT).forEach((asset, holding) -> details.add(obj("ccy", asset,
                "cashBal", amount(holding.total()), "eq", amount(holding.total()), "availBal", amount(holding.free()),
                "frozenBal", amount(holding.locked()), "ordFrozen", amount(holding.locked()), "uTime", "1700000000000")));
        return obj("totalEq", "", "uTime", "1700000000000", "details", details);
    }

    private static List<Object> funding(EmulatedAccount account) {
        List<Object> rows = new ArrayList<>();
        account.balances(Wallet.FUNDING).forEach((asset, holding) -> rows.add(obj("ccy", asset,
                "bal", amount(holding.total()), "availBal", amount(holding.free()), "frozenBal", amount(holding.locked()))));
        return rows;
    }

    private static List<Object> savings(EmulatedAccount account) {
        List<Object> rows = new ArrayList<>();
        account.balances(Wallet.EARN_FLEXIBLE).forEach((asset, holding) -> rows.add(obj("ccy", asset,
                "amt", amount(holding.total()), "earnings", "0", "rate", "0.01", "loanAmt", amount(holding.total()),
                "pendingAmt", "0", "redemptAmt", "")));
        return rows;
    }

    private static Map<String, Object> config(EmulatedAccount account) {
        StringBuilder perm = new StringBuilder();
        if (account.has(Permission.TRADE)) {
            perm.append("trade");
        }
        if (account.has(Permission.WITHDRAW)) {
            perm.append(perm.isEmpty() ? "" : ",").append("withdraw");
        }
        return obj("uid", Long.toString(Math.abs(account.stableId("uid").getMostSignificantBits() % 1_000_000_000_000L)),
                "acctLv", "1", "perm", perm.isEmpty() ? "read_only" : "read_only," + perm, "ip", account.isIpBlocked() ? "203.0.113.7" : "",
                "label", "emulated", "mainUid", "");
    }

    /** OKX's header checks, in the order that gives each documented error code. */
    private EmulatedAccount authenticate(EmulatedRequest request) {
        String apiKey = request.header(KEY_HEADER);
        String sign = request.header("OK-ACCESS-SIGN");
        String timestamp = request.header("OK-ACCESS-TIMESTAMP");
        String passphrase = request.header("OK-ACCESS-PASSPHRASE");
        if (apiKey == null || apiKey.isEmpty()) {
            throw error("50103", "Request header \"OK-ACCESS-KEY\" cannot be empty.");
        }
        if (passphrase == null || passphrase.isEmpty()) {
            throw error("50104", "Request header \"OK-ACCESS-PASSPHRASE\" cannot be empty.");
        }
        if (sign == null || sign.isEmpty()) {
            throw error("50106", "Request header \"OK-ACCESS-SIGN\" cannot be empty.");
        }
        if (timestamp == null || timestamp.isEmpty()) {
            throw error("50107", "Request header \"OK-ACCESS-TIMESTAMP\" cannot be empty.");
        }
        long sent;
        try {
            sent = OkxSignature.parseTimestamp(timestamp);
        } catch (DateTimeParseException e) {
            throw error("50112", "Invalid OK-ACCESS-TIMESTAMP");
        }
        if (Math.abs(nowMillis() - sent) > MAX_SKEW_MILLIS) {
            throw error("50102", "Timestamp request expired");
        }
        EmulatedAccount account = account(apiKey).orElseThrow(() -> error("50111", "Invalid OK-ACCESS-KEY"));
        if (!Hmac.constantTimeEquals(account.passphrase(), passphrase)) {
            throw error("50105", "Request header \"OK-ACCESS-PASSPHRASE\" incorrect.");
        }
        String expected = OkxSignature.sign(account.apiSecret(), timestamp, request.method(), request.pathWithQuery(), request.body());
        if (!Hmac.constantTimeEquals(expected, sign)) {
            throw error("50113", "Invalid Sign");
        }
        if (account.isIpBlocked()) {
            throw error("50110", "Your IP is not included in your API key's IP whitelist.");
        }
        if (!account.has(Permission.READ)) {
            throw error("50120", "API key doesn't have permission.");
        }
        return account;
    }

    private static Reply ok(Object data) {
        return Reply.json(obj("code", "0", "msg", "", "data", data));
    }

    private static Reply.Rejected error(String code, String message) {
        return reject(Reply.json(401, obj("code", code, "msg", message, "data", List.of())));
    }

    @Override
    Object rateLimitBody() {
        return obj("code", "50011", "msg", "Too Many Requests", "data", List.of());
    }

    @Override
    RandomCredentials randomCredentials() {
        return new RandomCredentials(UUID.randomUUID().toString(), RandomCredentials.hex(16).toUpperCase(Locale.ROOT),
                RandomCredentials.alphanumeric(12));
    }

    @Override
    void validateCredentials(String apiKey, String apiSecret, String passphrase) {
        if (!API_KEY.matcher(apiKey).matches()) {
            throw new IllegalArgumentException("OKX API keys are lower-case UUIDs");
        }
        if (!SECRET.matcher(apiSecret).matches()) {
            throw new IllegalArgumentException("OKX secret keys are 32 upper-case hex digits");
        }
    }
}

package io.coinsphere.exchangesync.emulator;

import static io.coinsphere.exchangesync.emulator.Json.amount;
import static io.coinsphere.exchangesync.emulator.Json.obj;

import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.signing.BinanceSignature;
import io.coinsphere.exchangesync.exchange.signing.Hmac;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Binance spot: {@code /api/v3/account}, {@code /api/v3/time}, {@code /api/v3/exchangeInfo},
 * {@code /sapi/v1/asset/assetDetail}, {@code /sapi/v1/account/apiRestrictions},
 * {@code /sapi/v1/asset/get-funding-asset} and the paginated Simple Earn
 * {@code /sapi/v1/simple-earn/flexible|locked/position}, with {@code X-MBX-USED-WEIGHT-1M} on every
 * answer. Request weight per IP is enforced: over the limit 429 (-1003) with Retry-After, and
 * going on after a 429 in the same window bans the IP (418) for {@link #BAN}.
 */
final class BinanceEmulator extends EmulatorHandler {

    static final String KEY_HEADER = "X-MBX-APIKEY";
    static final EmulatedLimit.Rule DEFAULT_LIMIT = new EmulatedLimit.Rule(EmulatedLimit.Kind.FIXED_WINDOW, 6_000, Duration.ofMinutes(1));
    /** Binance bans for 2 minutes at first, longer for repeat offenders. */
    static final Duration BAN = Duration.ofMinutes(2);
    private static final String IP = "127.0.0.1";
    private static final Pattern KEY_FORMAT = Pattern.compile("[A-Za-z0-9]{64}");
    private static final long DEFAULT_RECV_WINDOW = 5_000;
    private static final long MAX_RECV_WINDOW = 60_000;
    private static final int MAX_PAGE_SIZE = 100;

    private volatile long bannedUntil;
    private volatile long lastRejectedWindowEnd;

    BinanceEmulator() {
        super(ExchangeId.BINANCE, KEY_HEADER, Set.of(Wallet.SPOT, Wallet.FUNDING, Wallet.EARN_FLEXIBLE, Wallet.EARN_LOCKED),
                DEFAULT_LIMIT);
    }

    @Override
    Reply route(EmulatedRequest request) {
        int weight = switch (request.route()) {
            case "GET /api/v3/time", "GET /sapi/v1/asset/assetDetail", "GET /sapi/v1/account/apiRestrictions",
                    "POST /sapi/v1/asset/get-funding-asset" -> 1;
            case "GET /api/v3/exchangeInfo", "GET /api/v3/account" -> 20;
            case "GET /api/v3/ticker/price" -> request.query().containsKey("symbol") ? 2 : 4;
            case "GET /sapi/v1/simple-earn/flexible/position", "GET /sapi/v1/simple-earn/locked/position" -> 150;
            default -> 0;
        };
        if (weight == 0) {
            return Reply.empty(404);
        }
        Reply limited = checkLimit(weight);
        if (limited != null) {
            return limited;
        }
        return switch (request.route()) {
            case "GET /api/v3/time" -> Reply.json(obj("serverTime", reportedMillis()));
            case "GET /api/v3/exchangeInfo" -> Reply.json(BinanceStatic.exchangeInfo(nowMillis(), market().listings(ExchangeId.BINANCE)));
            case "GET /api/v3/ticker/price" -> EmulatedTickers.binance(market(), nowMillis(), request.query().get("symbol"))
                    .map(Reply::json).orElseGet(() -> Reply.json(400, obj("code", -1121, "msg", "Invalid symbol.")));
            case "GET /api/v3/account" -> account(request);
            case "GET /sapi/v1/asset/assetDetail" -> assetDetail(request);
            case "GET /sapi/v1/account/apiRestrictions" -> apiRestrictions(request);
            case "POST /sapi/v1/asset/get-funding-asset" -> fundingAsset(request);
            case "GET /sapi/v1/simple-earn/flexible/position" -> earnPositions(request, Wallet.EARN_FLEXIBLE, "totalAmount");
            default -> earnPositions(request, Wallet.EARN_LOCKED, "amount");
        };
    }

    /** Binance counts weight per IP before it looks at the key; null when the request may go on. */
    private Reply checkLimit(int weight) {
        long now = nowMillis();
        if (now < bannedUntil) {
            return banned(now);
        }
        if (admit(IP, weight)) {
            return null;
        }
        EmulatedLimit limit = limit(IP);
        long reset = limit == null ? 0 : limit.millisToReset(now);
        if (lastRejectedWindowEnd == now + reset) {
            // Ignoring a 429 and calling again in the same window is what gets an IP banned.
            bannedUntil = now + BAN.toMillis();
            return banned(now);
        }
        lastRejectedWindowEnd = now + reset;
        return Reply.json(429, rateLimitBody()).withHeader("Retry-After", Long.toString(ceilSeconds(reset)));
    }

    /** Bans the IP from now for {@code duration}: every request gets 418 with Retry-After. */
    void ban(Duration duration) {
        bannedUntil = duration.isZero() || duration.isNegative() ? 0 : nowMillis() + duration.toMillis();
    }

    private Reply banned(long now) {
        return Reply.json(418, obj("code", -1003, "msg", "Way too many requests; IP(" + IP + ") banned until "
                        + bannedUntil + ". Please use the websocket for live updates to avoid bans."))
                .withHeader("Retry-After", Long.toString(ceilSeconds(bannedUntil - now)));
    }

    private static long ceilSeconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }

    private Reply account(EmulatedRequest request) {
        EmulatedAccount account = authenticate(request);
        boolean omitZero = "true".equalsIgnoreCase(request.param("omitZeroBalances"));
        List<Map<String, Object>> balances = account.balances(Wallet.SPOT).entrySet().stream()
                .filter(e -> !omitZero || e.getValue().total().signum() != 0)
                .map(e -> obj("asset", e.getKey(), "free", amount(e.getValue().free()),
                        "locked", amount(e.getValue().locked())))
                .toList();
        return Reply.json(obj(
                "makerCommission", 10, "takerCommission", 10, "buyerCommission", 0, "sellerCommission", 0,
                "commissionRates", obj("maker", "0.00100000", "taker", "0.00100000",
                        "buyer", "0.00000000", "seller", "0.00000000"),
                "canTrade", account.has(Permission.TRADE),
                "canWithdraw", account.has(Permission.WITHDRAW),
                "canDeposit", true,
                "brokered", false,
                "requireSelfTradePrevention", false,
                "preventSor", false,
                "updateTime", nowMillis(),
                "accountType", "SPOT",
                "balances", balances,
                "permissions", List.of("SPOT"),
                "uid", Math.abs(account.stableId("uid").getMostSignificantBits() % 1_000_000_000L)));
    }

    private Reply fundingAsset(EmulatedRequest request) {
        EmulatedAccount account = authenticate(request);
        String only = request.param("asset");
        List<Map<String, Object>> assets = account.balances(Wallet.FUNDING).entrySet().stream()
                .filter(e -> only == null || only.equals(e.getKey()))
                .filter(e -> e.getValue().total().signum() != 0)
                .map(e -> obj("asset", e.getKey(), "free", amount(e.getValue().free()),
                        "locked", amount(e.getValue().locked()), "freeze", "0", "withdrawing", "0",
                        "btcValuation", "0"))
                .toList();
        return Reply.json(assets);
    }

    /** One page of positions ({@code current} from 1, {@code size} up to 100, default 10), as {@code {rows,total}}. */
    private Reply earnPositions(EmulatedRequest request, Wallet wallet, String amountField) {
        EmulatedAccount account = authenticate(request);
        long current = optionalLong(request, "current", 1);
        long size = optionalLong(request, "size", 10);
        if (current < 1 || size < 1 || size > MAX_PAGE_SIZE) {
            throw error(400, -1100, "Illegal characters found in parameter 'size'; legal range is '1 - 100'.");
        }
        String only = request.param("asset");
        SortedMap<String, EmulatedAccount.Holding> positions = account.balances(wallet);
        List<Map<String, Object>> all = positions.entrySet().stream()
                .filter(e -> only == null || only.equals(e.getKey()))
                .filter(e -> e.getValue().total().signum() != 0)
                .map(e -> position(wallet, amountField, e.getKey(), e.getValue().total()))
                .toList();
        int from = (int) Math.min(all.size(), (current - 1) * size);
        int to = (int) Math.min(all.size(), from + size);
        return Reply.json(obj("rows", all.subList(from, to), "total", all.size()));
    }

    private static Map<String, Object> position(Wallet wallet, String amountField, String asset, BigDecimal amount) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(amountField, amount(amount));
        row.put("asset", asset);
        if (wallet == Wallet.EARN_FLEXIBLE) {
            row.put("latestAnnualPercentageRate", "0.02599895");
            row.put("canRedeem", true);
            row.put("collateralAmount", "0");
            row.put("productId", asset + "001");
            row.put("autoSubscribe", true);
        } else {
            row.put("positionId", Math.abs(asset.hashCode()));
            row.put("projectId", asset + "*90");
            row.put("purchaseTime", Instant.parse("2025-01-01T00:00:00Z").toEpochMilli());
            row.put("duration", "90");
            row.put("rewardAsset", asset);
            row.put("APY", "0.05");
            row.put("status", "HOLDING");
        }
        return row;
    }

    private Reply apiRestrictions(EmulatedRequest request) {
        EmulatedAccount account = authenticate(request);
        return Reply.json(obj(
                "ipRestrict", account.isIpBlocked(),
                "createTime", 1_700_000_000_000L,
                "enableReading", account.has(Permission.READ),
                "enableWithdrawals", account.has(Permission.WITHDRAW),
                "enableInternalTransfer", false,
                "enableMargin", false,
                "enableFutures", false,
                "permitsUniversalTransfer", false,
                "enableVanillaOptions", false,
                "enableFixApiTrade", false,
                "enableFixReadOnly", false,
                "enableSpotAndMarginTrading", account.has(Permission.TRADE),
                "enablePortfolioMarginTrading", false));
    }

    private Reply assetDetail(EmulatedRequest request) {
        EmulatedAccount account = authenticate(request);
        Set<String> assets = new TreeSet<>(List.of("BTC", "ETH", "BNB", "USDT"));
        for (Wallet wallet : List.of(Wallet.SPOT, Wallet.FUNDING)) {
            assets.addAll(account.balances(wallet).keySet());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        for (String asset : assets) {
            details.put(asset, obj("minWithdrawAmount", "0.0001", "depositStatus", true,
                    "withdrawFee", "0.0002", "withdrawStatus", true));
        }
        return Reply.json(details);
    }

    /** Binance's checks for a SIGNED endpoint, in the order that gives each documented error. */
    private EmulatedAccount authenticate(EmulatedRequest request) {
        String apiKey = request.header(KEY_HEADER);
        if (apiKey == null || !KEY_FORMAT.matcher(apiKey).matches()) {
            throw error(401, -2014, "API-key format invalid.");
        }
        long timestamp = mandatoryLong(request, "timestamp");
        String signature = request.param("signature");
        if (signature == null || signature.isEmpty()) {
            throw error(400, -1102, "Mandatory parameter 'signature' was not sent, was empty/null, or malformed.");
        }
        long recvWindow = request.param("recvWindow") == null ? DEFAULT_RECV_WINDOW : mandatoryLong(request, "recvWindow");
        if (recvWindow <= 0 || recvWindow > MAX_RECV_WINDOW) {
            throw error(400, -1131, "recvWindow must be less than 60000");
        }
        long now = nowMillis();
        if (timestamp >= now + 1_000 || now - timestamp > recvWindow) {
            throw error(400, -1021, "Timestamp for this request is outside of the recvWindow.");
        }
        EmulatedAccount account = account(apiKey)
                .orElseThrow(() -> error(401, -2015, "Invalid API-key, IP, or permissions for action."));
        // Binance signs the query string followed directly by the body, both without the signature itself.
        String totalParams = EmulatedRequest.without(request.rawQuery(), "signature")
                + EmulatedRequest.without(request.form().isEmpty() ? "" : request.body(), "signature");
        String expected = BinanceSignature.sign(account.apiSecret(), totalParams);
        if (!Hmac.constantTimeEquals(expected, signature.toLowerCase(Locale.ROOT))) {
            throw error(400, -1022, "Signature for this request is not valid.");
        }
        // Binance gives one answer for an unknown key, a foreign IP and a missing permission.
        if (account.isIpBlocked() || !account.has(Permission.READ)) {
            throw error(401, -2015, "Invalid API-key, IP, or permissions for action.");
        }
        return account;
    }

    private long mandatoryLong(EmulatedRequest request, String name) {
        try {
            return Long.parseLong(request.param(name));
        } catch (NumberFormatException e) {
            throw error(400, -1102, "Mandatory parameter '" + name + "' was not sent, was empty/null, or malformed.");
        }
    }

    private long optionalLong(EmulatedRequest request, String name, long fallback) {
        return request.param(name) == null ? fallback : mandatoryLong(request, name);
    }

    @Override
    Reply decorate(EmulatedRequest request, Reply reply) {
        EmulatedLimit limit = limit(IP);
        return limit == null ? reply : reply.withHeader("X-MBX-USED-WEIGHT-1M", Long.toString(limit.used(nowMillis())));
    }

    @Override
    Object rateLimitBody() {
        EmulatedLimit.Rule rule = rateRule();
        return obj("code", -1003, "msg", "Too many requests; current limit of IP(" + IP + ") request weight per "
                + "minute is " + (rule == null ? DEFAULT_LIMIT.limit() : rule.limit())
                + ". Please use WebSocket Streams for live updates to avoid bans.");
    }

    @Override
    RandomCredentials randomCredentials() {
        return new RandomCredentials(RandomCredentials.alphanumeric(64), RandomCredentials.alphanumeric(64), null);
    }

    @Override
    void validateCredentials(String apiKey, String apiSecret, String passphrase) {
        if (!KEY_FORMAT.matcher(apiKey).matches()) {
            throw new IllegalArgumentException("Binance API keys are 64 letters and digits");
        }
    }

    private static Reply.Rejected error(int status, int code, String message) {
        return reject(Reply.json(status, obj("code", code, "msg", message)));
    }
}

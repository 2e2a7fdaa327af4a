package io.coinsphere.exchangesync.emulator;

import static io.coinsphere.exchangesync.emulator.Json.amount;
import static io.coinsphere.exchangesync.emulator.Json.obj;

import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.signing.BinanceSignature;
import io.coinsphere.exchangesync.exchange.signing.Hmac;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Binance spot: {@code /api/v3/account}, {@code /api/v3/time}, {@code /api/v3/exchangeInfo},
 * {@code /sapi/v1/asset/assetDetail}, {@code /sapi/v1/account/apiRestrictions} and
 * {@code /sapi/v1/asset/get-funding-asset}, with {@code X-MBX-USED-WEIGHT-1M} on every answer.
 */
final class BinanceEmulator extends EmulatorHandler {

    static final String KEY_HEADER = "X-MBX-APIKEY";
    private static final Pattern KEY_FORMAT = Pattern.compile("[A-Za-z0-9]{64}");
    private static final long DEFAULT_RECV_WINDOW = 5_000;
    private static final long MAX_RECV_WINDOW = 60_000;

    private final WindowCounter weight = new WindowCounter(Duration.ofMinutes(1));

    BinanceEmulator() {
        super(ExchangeId.BINANCE, KEY_HEADER, Set.of(Wallet.SPOT, Wallet.FUNDING));
    }

    @Override
    Reply route(EmulatedRequest request) {
        return switch (request.route()) {
            case "GET /api/v3/time" -> weigh(1, Reply.json(obj("serverTime", nowMillis())));
            case "GET /api/v3/exchangeInfo" -> weigh(20, Reply.json(BinanceStatic.exchangeInfo(nowMillis())));
            case "GET /api/v3/account" -> weigh(20, account(request));
            case "GET /sapi/v1/asset/assetDetail" -> weigh(1, assetDetail(request));
            case "GET /sapi/v1/account/apiRestrictions" -> weigh(1, apiRestrictions(request));
            case "POST /sapi/v1/asset/get-funding-asset" -> weigh(1, fundingAsset(request));
            default -> Reply.empty(404);
        };
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

    private Reply apiRestrictions(EmulatedRequest request) {
        EmulatedAccount account = authenticate(request);
        return Reply.json(obj(
                "ipRestrict", false,
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
        for (Wallet wallet : Wallet.values()) {
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
        if (!account.has(Permission.READ)) {
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

    private Reply weigh(int requestWeight, Reply reply) {
        weight.add(nowMillis(), requestWeight);
        return reply;
    }

    @Override
    Reply decorate(EmulatedRequest request, Reply reply) {
        return reply.withHeader("X-MBX-USED-WEIGHT-1M", Long.toString(weight.used(nowMillis())));
    }

    @Override
    Object rateLimitBody() {
        return obj("code", -1003, "msg", "Too many requests; current limit of IP(127.0.0.1) request weight per "
                + "minute is 6000. Please use WebSocket Streams for live updates to avoid bans.");
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

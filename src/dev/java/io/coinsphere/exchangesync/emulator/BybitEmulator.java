package io.coinsphere.exchangesync.emulator;

import static io.coinsphere.exchangesync.emulator.Json.amount;
import static io.coinsphere.exchangesync.emulator.Json.obj;

import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.signing.BybitSignature;
import io.coinsphere.exchangesync.exchange.signing.Hmac;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Bybit v5: signed {@code GET /v5/account/wallet-balance?accountType=UNIFIED} (unified = {@link Wallet#SPOT}),
 * {@code /v5/asset/transfer/query-account-coins-balance?accountType=FUND} (funding = {@link Wallet#FUNDING}) and
 * {@code /v5/user/query-api} ({@code readOnly}, {@code permissions}); public {@code /v5/market/time},
 * {@code /v5/market/tickers?category=spot} and {@code /v5/market/instruments-info?category=spot}. Checks the
 * timestamp against the receive window as Bybit does ({@code server - recvWindow <= timestamp < server + 1000}),
 * then the key and the hex HMAC-SHA256 of timestamp + key + recvWindow + query string. Every answer is Bybit's
 * envelope {@code {"retCode":..,"retMsg":..,"result":{..},"retExtInfo":{},"time":..}} with HTTP 200, errors included;
 * the limit per key and endpoint answers 10006 with {@code X-Bapi-Limit-Reset-Timestamp}, the limit per address
 * (600 requests per 5 s) HTTP 403 "access too frequent".
 */
final class BybitEmulator extends EmulatorHandler {

    static final String KEY_HEADER = "X-BAPI-API-KEY";
    static final String RESET_HEADER = "X-Bapi-Limit-Reset-Timestamp";
    private static final long DEFAULT_RECV_WINDOW = 5_000;
    private static final long MAX_RECV_WINDOW = 60_000;
    private static final Pattern API_KEY = Pattern.compile("[A-Za-z0-9]{18}");
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9]{36}");
    /** Per UID and endpoint, per second; 2 / s stands for the tightest of the calls we make. */
    static final EmulatedLimit.Rule DEFAULT_LIMIT = new EmulatedLimit.Rule(EmulatedLimit.Kind.FIXED_WINDOW, 2, Duration.ofSeconds(1));
    /** Every request from one address, public ones included; over it Bybit answers 403 and blocks the address. */
    static final EmulatedLimit.Rule ADDRESS_LIMIT = new EmulatedLimit.Rule(EmulatedLimit.Kind.FIXED_WINDOW, 600, Duration.ofSeconds(5));

    // All test traffic comes from one address, so one counter stands for it.
    private volatile EmulatedLimit addressLimit = new EmulatedLimit(ADDRESS_LIMIT);

    BybitEmulator() {
        super(ExchangeId.BYBIT, KEY_HEADER, Set.of(Wallet.SPOT, Wallet.FUNDING), DEFAULT_LIMIT);
    }

    void setAddressLimit(long limit, Duration window) {
        addressLimit = new EmulatedLimit(new EmulatedLimit.Rule(EmulatedLimit.Kind.FIXED_WINDOW, limit, window));
    }

    @Override
    Reply route(EmulatedRequest request) {
        if (!addressLimit.tryAdd(nowMillis(), 1)) {
            countRateLimitRejection();
            return Reply.text(403, "text/html", "<html><body><h1>403 Forbidden</h1><p>access too frequent</p></body></html>");
        }
        if (request.route().equals("GET /v5/market/time")) {
            long now = reportedMillis();
            return ok(obj("timeSecond", Long.toString(now / 1000), "timeNano", Long.toString(now * 1_000_000)));
        }
        // Market data is public: Bybit counts it per address, not against a key's limit.
        if (request.route().equals("GET /v5/market/tickers")) {
            return "spot".equals(request.param("category")) ? ok(EmulatedTickers.bybit(market(), nowMillis()))
                    : error(10001, "params error: category only support spot here");
        }
        if (request.route().equals("GET /v5/market/instruments-info")) {
            return "spot".equals(request.param("category")) ? ok(EmulatedTickers.bybitInstruments(market()))
                    : error(10001, "params error: category only support spot here");
        }
        String apiKey = request.header(KEY_HEADER);
        if (apiKey != null && !admit(apiKey + " " + request.path(), 1)) {
            return Reply.json(rateLimitBody()).withHeader(RESET_HEADER, Long.toString(nowMillis() + limit(apiKey + " " + request.path())
                    .millisToReset(nowMillis())));
        }
        return switch (request.route()) {
            case "GET /v5/account/wallet-balance" -> unified(request);
            case "GET /v5/asset/transfer/query-account-coins-balance" -> funding(request);
            case "GET /v5/user/query-api" -> ok(keyInfo(authenticate(request, false)));
            default -> Reply.json(404, obj("retCode", 10017, "retMsg", "route not found", "result", Map.of(),
                    "retExtInfo", Map.of(), "time", nowMillis()));
        };
    }

    private Reply unified(EmulatedRequest request) {
        EmulatedAccount account = authenticate(request, true);
        if (!"UNIFIED".equals(request.param("accountType"))) {
            return error(10001, "accountType only support UNIFIED.");
        }
        List<Object> coins = new ArrayList<>();
        account.balances(Wallet.SPOT).forEach((asset, holding) -> coins.add(obj("coin", asset,
                "equity", amount(holding.total()), "usdValue", "", "walletBalance", amount(holding.total()),
                "locked", amount(holding.locked()), "spotBorrow", "0", "borrowAmount", "0", "accruedInterest", "0",
                "totalOrderIM", "0", "totalPositionIM", "0", "totalPositionMM", "0", "unrealisedPnl", "0",
                "cumRealisedPnl", "0", "bonus", "0", "marginCollateral", true, "collateralSwitch", true,
                "availableToWithdraw", "", "free", "")));
        return ok(obj("list", List.of(obj("accountType", "UNIFIED", "totalEquity", "", "totalWalletBalance", "",
                "totalAvailableBalance", "", "accountIMRate", "0", "accountMMRate", "0", "coin", coins))));
    }

    private Reply funding(EmulatedRequest request) {
        EmulatedAccount account = authenticate(request, true);
        if (!"FUND".equals(request.param("accountType"))) {
            return error(10001, "accountType is invalid.");
        }
        List<Object> coins = new ArrayList<>();
        account.balances(Wallet.FUNDING).forEach((asset, holding) -> coins.add(obj("coin", asset,
                "walletBalance", amount(holding.total()), "transferBalance", amount(holding.free()), "bonus", "0",
                "transferSafeAmount", "", "ltvTransferSafeAmount", "")));
        return ok(obj("memberId", uid(account), "accountType", "FUND", "balance", coins));
    }

    /** A read-only key still lists the areas it reads; {@code readOnly} is what says it cannot act. */
    private static Map<String, Object> keyInfo(EmulatedAccount account) {
        boolean trade = account.has(Permission.TRADE);
        boolean withdraw = account.has(Permission.WITHDRAW);
        List<String> wallet = withdraw ? List.of("AccountTransfer", "SubMemberTransfer", "Withdraw") : List.of("AccountTransfer");
        return obj("id", uid(account), "note", "emulated", "apiKey", account.apiKey(), "readOnly", trade || withdraw ? 0 : 1,
                "secret", "", "permissions", obj("ContractTrade", trade ? List.of("Order", "Position") : List.of(),
                        "Spot", List.of("SpotTrade"), "Wallet", wallet, "Options", List.of(), "Derivatives", List.of(),
                        "CopyTrading", List.of(), "BlockTrade", List.of(), "Exchange", List.of(), "NFT", List.of(),
                        "Affiliate", List.of()),
                "ips", account.isIpBlocked() ? List.of("203.0.113.7") : List.of("*"), "type", 1, "deadlineDay", 80,
                "uta", 1, "userID", Long.parseLong(uid(account)), "inviterID", 0, "vipLevel", "No VIP", "mktMakerLevel", "0",
                "affiliateID", 0, "isMaster", true);
    }

    private static String uid(EmulatedAccount account) {
        return Long.toString(Math.abs(account.stableId("uid").getMostSignificantBits() % 1_000_000_000L));
    }

    /**
     * Bybit's checks, in the order that gives each documented code: the timestamp against the receive window
     * first (10002), then the key (10003), the signature (10004), the bound IPs (10010) and, where the endpoint
     * reads balances, the permission (10005). Key information is open to a key of any permission.
     */
    private EmulatedAccount authenticate(EmulatedRequest request, boolean readsBalances) {
        String apiKey = request.header(KEY_HEADER);
        String sign = request.header("X-BAPI-SIGN");
        String timestamp = request.header("X-BAPI-TIMESTAMP");
        String recvWindowHeader = request.header("X-BAPI-RECV-WINDOW");
        if (apiKey == null || apiKey.isEmpty()) {
            throw reject(error(10003, "API key is invalid."));
        }
        if (timestamp == null || sign == null) {
            throw reject(error(10001, "empty value: apiTimestamp[" + (timestamp == null ? "" : timestamp) + "] apiKey[" + apiKey
                    + "] apiSignature[" + (sign == null ? "" : "***") + "]"));
        }
        long sent;
        long recvWindow;
        try {
            sent = Long.parseLong(timestamp);
            recvWindow = recvWindowHeader == null ? DEFAULT_RECV_WINDOW : Long.parseLong(recvWindowHeader);
        } catch (NumberFormatException e) {
            throw reject(error(10001, "params error: X-BAPI-TIMESTAMP and X-BAPI-RECV-WINDOW are milliseconds"));
        }
        if (recvWindow <= 0 || recvWindow > MAX_RECV_WINDOW) {
            throw reject(error(10001, "params error: recv_window must be between 1 and " + MAX_RECV_WINDOW));
        }
        long server = nowMillis();
        if (sent < server - recvWindow || sent >= server + 1_000) {
            throw reject(error(10002, "invalid request, please check your server timestamp or recv_window param. req_timestamp["
                    + sent + "],server_timestamp[" + server + "],recv_window[" + recvWindow + "]"));
        }
        EmulatedAccount account = account(apiKey).orElseThrow(() -> reject(error(10003, "API key is invalid.")));
        // The signature covers the header value as sent, so a client that signs another window is refused.
        String signedWindow = recvWindowHeader == null ? "" : recvWindowHeader;
        String expected = BybitSignature.sign(account.apiSecret(), timestamp, apiKey, signedWindow, request.rawQuery());
        if (!Hmac.constantTimeEquals(expected, sign)) {
            throw reject(error(10004, "Error sign, please check your signature generation algorithm."));
        }
        if (account.isIpBlocked()) {
            throw reject(error(10010, "Unmatched IP, please check your API key's bound IP addresses."));
        }
        if (readsBalances && !account.has(Permission.READ)) {
            throw reject(error(10005, "Permission denied, please check your API key permissions."));
        }
        return account;
    }

    /** A scripted 429 carries Bybit's reset time beside the Retry-After that every profile sends. */
    @Override
    Reply decorate(EmulatedRequest request, Reply reply) {
        String retryAfter = reply.headers().get("Retry-After");
        return retryAfter == null ? reply
                : reply.withHeader(RESET_HEADER, Long.toString(nowMillis() + Long.parseLong(retryAfter) * 1_000));
    }

    private Reply ok(Object result) {
        return Reply.json(obj("retCode", 0, "retMsg", "OK", "result", result, "retExtInfo", Map.of(), "time", nowMillis()));
    }

    private Reply error(int code, String message) {
        return Reply.json(obj("retCode", code, "retMsg", message, "result", Map.of(), "retExtInfo", Map.of(), "time", nowMillis()));
    }

    @Override
    Object rateLimitBody() {
        return obj("retCode", 10006, "retMsg", "Too many visits!", "result", Map.of(), "retExtInfo", Map.of(),
                "time", nowMillis());
    }

    @Override
    RandomCredentials randomCredentials() {
        return new RandomCredentials(RandomCredentials.alphanumeric(18), RandomCredentials.alphanumeric(36), null);
    }

    @Override
    void validateCredentials(String apiKey, String apiSecret, String passphrase) {
        if (!API_KEY.matcher(apiKey).matches()) {
            throw new IllegalArgumentException("Bybit API keys are 18 letters and digits");
        }
        if (!SECRET.matcher(apiSecret).matches()) {
            throw new IllegalArgumentException("Bybit API secrets are 36 letters and digits");
        }
    }
}

package io.coinsphere.exchangesync.emulator;

import static io.coinsphere.exchangesync.emulator.Json.amount;
import static io.coinsphere.exchangesync.emulator.Json.obj;

import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.signing.BitstampSignature;
import io.coinsphere.exchangesync.exchange.signing.Hmac;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Bitstamp: private {@code POST /api/v2/account_balances/} with v2 authentication, public
 * {@code GET /api/v2/ticker/{pair}/} (its {@code timestamp} is the server clock) and {@code GET /api/v2/ticker/} (every
 * pair of the {@link EmulatedMarket}, both counted against the address's limit). As strict as Bitstamp: every
 * X-Auth header required, the signature over the documented concatenation, a nonce never repeated within 150 s,
 * a timestamp within 150 s, no Content-Type on a body-less request; errors are HTTP 403
 * {@code {"status":"error","reason":...,"code":"API00xx"}}, and answers carry {@code X-Server-Auth-Signature}.
 * The limit is counted per address: 10,000 requests per 10 minutes, then 400.002. READ is "Account balance".
 */
final class BitstampEmulator extends EmulatorHandler {

    static final String BALANCES = "/api/v2/account_balances/";
    static final String ALL_TICKERS = "/api/v2/ticker/";
    static final EmulatedLimit.Rule DEFAULT_LIMIT = new EmulatedLimit.Rule(EmulatedLimit.Kind.FIXED_WINDOW, 10_000,
            Duration.ofMinutes(10));
    /** Timestamps further than this from the server's clock are refused, and nonces are remembered this long. */
    static final long WINDOW_MILLIS = 150_000;
    /** All requests reach us from one address (loopback), which is what Bitstamp counts. */
    private static final String ADDRESS = "address";
    private static final Pattern TICKER = Pattern.compile("/api/v2/ticker/[a-z0-9]+/");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9]{8,64}");

    /** "key/nonce" -> when it was first used; pruned of entries older than the window. */
    private final Map<String, Long> nonces = new ConcurrentHashMap<>();

    BitstampEmulator() {
        super(ExchangeId.BITSTAMP, "X-Auth", Set.of(Wallet.SPOT), DEFAULT_LIMIT);
    }

    @Override
    String apiKeyOf(EmulatedRequest request) {
        String auth = request.header("X-Auth");
        return auth != null && auth.startsWith(BitstampSignature.AUTH_PREFIX) ? auth.substring(BitstampSignature.AUTH_PREFIX.length()) : auth;
    }

    @Override
    Reply route(EmulatedRequest request) {
        if (!admit(ADDRESS, 1)) {
            return Reply.json(400, rateLimitBody());
        }
        if ("GET".equals(request.method()) && TICKER.matcher(request.path()).matches()) {
            return Reply.json(ticker());
        }
        if (request.route().equals("GET " + ALL_TICKERS)) {
            return Reply.json(EmulatedTickers.bitstamp(market(), nowMillis()));
        }
        if (("POST " + BALANCES).equals(request.route())) {
            Authenticated auth = authenticate(request);
            return signed(auth, Reply.json(balances(auth.account())));
        }
        return Reply.json(404, obj("status", "error", "reason", "Not found", "response_code", "404.001"));
    }

    private Map<String, Object> ticker() {
        long seconds = Math.floorDiv(reportedMillis(), 1000);
        return obj("timestamp", Long.toString(seconds), "open", "60000", "high", "61000", "low", "59000", "last", "60500",
                "volume", "1200.5", "vwap", "60200", "bid", "60490", "ask", "60510", "side", "0", "open_24", "59800",
                "percent_change_24", "1.17");
    }

    private static List<Map<String, Object>> balances(EmulatedAccount account) {
        List<Map<String, Object>> result = new ArrayList<>();
        account.balances(Wallet.SPOT).forEach((currency, holding) -> result.add(obj("currency",
                currency.toLowerCase(Locale.ROOT), "total", amount(holding.total()), "available", amount(holding.free()),
                "reserved", amount(holding.locked()))));
        return result;
    }

    private record Authenticated(EmulatedAccount account, String nonce, String timestamp) {
    }

    private Authenticated authenticate(EmulatedRequest request) {
        String auth = required(request, "X-Auth", "API0012");
        String signature = required(request, "X-Auth-Signature", "API0013");
        String nonce = required(request, "X-Auth-Nonce", "API0014");
        String timestamp = required(request, "X-Auth-Timestamp", "API0015");
        String version = required(request, "X-Auth-Version", "API0016");
        if (!BitstampSignature.VERSION.equals(version)) {
            throw error("API0010", "Invalid version");
        }
        if (!auth.startsWith(BitstampSignature.AUTH_PREFIX) || !KEY.matcher(apiKeyOf(request)).matches()) {
            throw error("API0011", "Wrong API key format");
        }
        EmulatedAccount account = account(apiKeyOf(request)).orElseThrow(() -> error("API0001", "API key not found"));
        String contentType = request.header("Content-Type");
        if (request.body().isEmpty() && contentType != null) {
            throw error("API0020", "Content-Type header should not be present");
        }
        if (!request.body().isEmpty() && (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded"))) {
            throw error("API0019", "Content-Type header is not accepted");
        }
        long millis;
        try {
            millis = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw error("API0018", "X-Auth-Timestamp header is invalid");
        }
        long now = nowMillis();
        if (Math.abs(now - millis) > WINDOW_MILLIS) {
            throw error("API0017", "X-Auth-Timestamp header is out of boundaries");
        }
        String query = request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery();
        String expected = BitstampSignature.sign(account.apiSecret(), account.apiKey(), request.method(), request.header("Host"),
                request.path(), query, contentType, nonce, timestamp, request.body());
        if (!Hmac.constantTimeEquals(expected, signature.toLowerCase(Locale.ROOT))) {
            throw error("API0005", "Invalid signature");
        }
        // Only a correctly signed request uses up its nonce, or anyone could lock the key out.
        if (!fresh(account.apiKey(), nonce, now)) {
            throw error("API0004", "Invalid nonce");
        }
        if (account.isIpBlocked()) {
            throw error("API0002", "IP address not allowed");
        }
        if (!account.has(Permission.READ)) {
            throw error("API0003", "No permission found");
        }
        return new Authenticated(account, nonce, timestamp);
    }

    private boolean fresh(String apiKey, String nonce, long now) {
        if (nonces.size() > 10_000) {
            nonces.values().removeIf(seen -> now - seen > WINDOW_MILLIS);
        }
        Long previous = nonces.putIfAbsent(apiKey + "/" + nonce, now);
        return previous == null || now - previous > WINDOW_MILLIS && nonces.replace(apiKey + "/" + nonce, previous, now);
    }

    private static String required(EmulatedRequest request, String header, String code) {
        String value = request.header(header);
        if (value == null || value.isEmpty()) {
            throw error(code, header + " header is required");
        }
        return value;
    }

    /** Bitstamp signs its answer with the key's secret over nonce, timestamp, content type and body. */
    private static Reply signed(Authenticated auth, Reply reply) {
        String body = new String(reply.body(), StandardCharsets.UTF_8);
        return reply.withHeader("X-Server-Auth-Signature", BitstampSignature.response(auth.account().apiSecret(),
                auth.nonce(), auth.timestamp(), reply.contentType(), body));
    }

    private static Reply.Rejected error(String code, String reason) {
        return reject(Reply.json(403, obj("status", "error", "reason", reason, "code", code)));
    }

    @Override
    Object rateLimitBody() {
        return obj("status", "error", "reason", "Request rejected due to exceeded rate limit.", "response_code", "400.002");
    }

    @Override
    RandomCredentials randomCredentials() {
        return new RandomCredentials(RandomCredentials.alphanumeric(32), RandomCredentials.alphanumeric(32), null);
    }

    @Override
    void validateCredentials(String apiKey, String apiSecret, String passphrase) {
        if (!KEY.matcher(apiKey).matches() || !KEY.matcher(apiSecret).matches()) {
            throw new IllegalArgumentException("Bitstamp keys and secrets are letters and digits");
        }
    }
}

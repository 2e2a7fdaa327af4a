package io.coinsphere.exchangesync.emulator;

import static io.coinsphere.exchangesync.emulator.Json.amount;
import static io.coinsphere.exchangesync.emulator.Json.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.signing.GeminiSignature;
import io.coinsphere.exchangesync.exchange.signing.Hmac;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Gemini: private {@code POST /v1/balances}, {@code /v1/balances/staking} and {@code /v1/roles}, public
 * {@code GET /v1/pubticker/{symbol}} (its {@code volume.timestamp} is the server clock), {@code GET /v1/pricefeed} and
 * {@code GET /v1/symbols/details/all} (from the {@link EmulatedMarket}; public calls are counted per key only). Every private request carries
 * its JSON payload base64-encoded in {@code X-GEMINI-PAYLOAD} with {@code request} = the path and a nonce, signed with
 * hex HMAC-SHA384 in {@code X-GEMINI-SIGNATURE}. Every emulated key is treated as both kinds Gemini offers at once:
 * the nonce must be above the key's last one and within 30 s of the server clock (in seconds). Errors are
 * {@code {"result":"error","reason":...,"message":...}}. Roles: READ = Auditor, TRADE = Trader, WITHDRAW = Fund Manager;
 * a key with none gets 403 MissingRole. The limit is 600 per minute per key: a counter of 10 draining 10 per second.
 */
final class GeminiEmulator extends EmulatorHandler {

    static final String KEY_HEADER = "X-GEMINI-APIKEY";
    static final EmulatedLimit.Rule DEFAULT_LIMIT = new EmulatedLimit.Rule(EmulatedLimit.Kind.DECAYING, 10, Duration.ofSeconds(1));
    static final long NONCE_WINDOW_SECONDS = 30;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern KEY = Pattern.compile("(account|master)-[A-Za-z0-9]{20}");
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9]{20,64}");
    private static final Pattern TICKER = Pattern.compile("/v1/pubticker/[a-z0-9]+");

    GeminiEmulator() {
        super(ExchangeId.GEMINI, KEY_HEADER, Set.of(Wallet.SPOT, Wallet.STAKED), DEFAULT_LIMIT);
    }

    @Override
    Reply route(EmulatedRequest request) {
        String apiKey = request.header(KEY_HEADER);
        if (apiKey != null && account(apiKey).isPresent() && !admit(apiKey, 1)) {
            return Reply.json(429, rateLimitBody());
        }
        if ("GET".equals(request.method()) && TICKER.matcher(request.path()).matches()) {
            return Reply.json(obj("bid", "60490.00", "ask", "60510.00", "last", "60500.00",
                    "volume", obj("BTC", "1200.5", "USD", "72630250.00", "timestamp", reportedMillis())));
        }
        if (request.route().equals("GET /v1/pricefeed")) {
            return Reply.json(EmulatedTickers.gemini(market(), nowMillis()));
        }
        if (request.route().equals("GET /v1/symbols/details/all")) {
            return Reply.json(EmulatedTickers.geminiSymbols(market()));
        }
        return switch (request.route()) {
            case "POST /v1/balances" -> Reply.json(balances(authenticate(request)));
            case "POST /v1/balances/staking" -> Reply.json(staking(authenticate(request)));
            case "POST /v1/roles" -> Reply.json(roles(authenticateAnyRole(request)));
            default -> Reply.json(404, error("EndpointNotFound", "API entry point `" + request.path() + "` not found"));
        };
    }

    private static List<Map<String, Object>> balances(EmulatedAccount account) {
        List<Map<String, Object>> result = new ArrayList<>();
        account.balances(Wallet.SPOT).forEach((currency, holding) -> result.add(obj("type", "exchange", "currency", currency,
                "amount", amount(holding.total()), "available", amount(holding.free()),
                "availableForWithdrawal", amount(holding.free()))));
        return result;
    }

    private static List<Map<String, Object>> staking(EmulatedAccount account) {
        List<Map<String, Object>> result = new ArrayList<>();
        account.balances(Wallet.STAKED).forEach((currency, holding) -> result.add(obj("type", "Staking", "currency", currency,
                "balance", amount(holding.total()), "available", "0", "availableForWithdrawal", "0",
                "balanceByProvider", obj(account.stableId("provider/" + currency).toString(), obj("balance", amount(holding.total()))))));
        return result;
    }

    private static Map<String, Object> roles(EmulatedAccount account) {
        return obj("isAuditor", account.has(Permission.READ), "isFundManager", account.has(Permission.WITHDRAW),
                "isTrader", account.has(Permission.TRADE), "counterparty_id", account.stableId("counterparty").toString());
    }

    /** Balances need one of the roles (Auditor, Trader, Fund Manager). */
    private EmulatedAccount authenticate(EmulatedRequest request) {
        EmulatedAccount account = authenticateAnyRole(request);
        if (!account.has(Permission.READ) && !account.has(Permission.TRADE) && !account.has(Permission.WITHDRAW)) {
            throw reject(Reply.json(403, error("MissingRole", "To access this endpoint, you need to log in to the website and"
                    + " go to the settings page to assign one of these roles [Auditor, Trader, FundManager] to API key")));
        }
        return account;
    }

    private EmulatedAccount authenticateAnyRole(EmulatedRequest request) {
        String apiKey = required(request, KEY_HEADER, "MissingApikeyHeader");
        String payload = required(request, "X-GEMINI-PAYLOAD", "MissingPayloadHeader");
        String signature = required(request, "X-GEMINI-SIGNATURE", "MissingSignatureHeader");
        EmulatedAccount account = account(apiKey).orElseThrow(() -> bad("InvalidApiKey", "Invalid API key"));
        if (!Hmac.constantTimeEquals(GeminiSignature.sign(account.apiSecret(), payload), signature)) {
            throw bad("InvalidSignature", "InvalidSignature");
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw bad("InvalidJson", "Could not parse JSON payload");
        }
        if (!request.path().equals(json.path("request").asText())) {
            throw bad("EndpointMismatch", "EndpointMismatch");
        }
        long nonce;
        try {
            nonce = Long.parseLong(json.path("nonce").asText());
        } catch (NumberFormatException e) {
            throw bad("InvalidNonce", "Nonce not provided");
        }
        long serverSeconds = Math.floorDiv(nowMillis(), 1000);
        if (Math.abs(nonce - serverSeconds) > NONCE_WINDOW_SECONDS) {
            throw bad("InvalidNonce", "Nonce '" + nonce + "' is not within 30 seconds of server time '" + serverSeconds + "'");
        }
        // Only a correctly signed request may use up a nonce, or anyone could lock the key out.
        if (!account.acceptNonce(nonce)) {
            throw bad("InvalidNonce", "Nonce '" + nonce + "' has not increased since your last call to the Gemini API.");
        }
        return account;
    }

    private static String required(EmulatedRequest request, String header, String reason) {
        String value = request.header(header);
        if (value == null || value.isEmpty()) {
            throw bad(reason, "Missing header " + header);
        }
        return value;
    }

    private static Reply.Rejected bad(String reason, String message) {
        return reject(Reply.json(400, error(reason, message)));
    }

    private static Map<String, Object> error(String reason, String message) {
        return obj("result", "error", "reason", reason, "message", message);
    }

    @Override
    Object rateLimitBody() {
        return error("RateLimit", "Requests were made too frequently. See Rate Limits.");
    }

    @Override
    RandomCredentials randomCredentials() {
        return new RandomCredentials("account-" + RandomCredentials.alphanumeric(20), RandomCredentials.alphanumeric(28), null);
    }

    @Override
    void validateCredentials(String apiKey, String apiSecret, String passphrase) {
        if (!KEY.matcher(apiKey).matches() || !SECRET.matcher(apiSecret).matches()) {
            throw new IllegalArgumentException("Gemini keys are account-/master- plus 20 letters and digits; secrets letters and digits");
        }
    }
}

package io.coinsphere.exchangesync.emulator;

import static io.coinsphere.exchangesync.emulator.Json.amount;
import static io.coinsphere.exchangesync.emulator.Json.obj;

import io.coinsphere.exchangesync.exchange.ExchangeId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Coinbase Advanced Trade with CDP keys: {@code GET /api/v3/brokerage/accounts} (paginated: {@code limit}
 * default 49, at most 250, {@code cursor}), {@code GET /api/v3/brokerage/key_permissions}, public
 * {@code GET /api/v3/brokerage/time}. Every private request carries its own JWT ({@link CdpTokenCheck});
 * errors are {@code {"error":...,"error_details":...,"message":...}}. View = {@link Permission#READ}, trade =
 * {@link Permission#TRADE}, transfer = {@link Permission#WITHDRAW}.
 */
final class CoinbaseAdvancedEmulator extends EmulatorHandler {

    static final String PREFIX = "/api/v3/brokerage";
    /** 30 requests per second per key. */
    static final EmulatedLimit.Rule DEFAULT_LIMIT = new EmulatedLimit.Rule(EmulatedLimit.Kind.DECAYING, 30, Duration.ofSeconds(1));
    private static final int DEFAULT_PAGE = 49;
    private static final int MAX_PAGE = 250;
    private static final Set<String> FIAT = Set.of("USD", "EUR", "GBP", "CAD", "SGD", "AUD");
    private static final Pattern KEY_NAME = Pattern.compile("organizations/[A-Za-z0-9-]{1,64}/apiKeys/[A-Za-z0-9-]{1,64}");

    private final CdpTokenCheck tokens = new CdpTokenCheck();

    CoinbaseAdvancedEmulator() {
        super(ExchangeId.COINBASE_ADVANCED, "Authorization", Set.of(Wallet.SPOT), DEFAULT_LIMIT);
    }

    @Override
    String apiKeyOf(EmulatedRequest request) {
        return CdpTokenCheck.claimedKey(request.header("Authorization"));
    }

    @Override
    Reply route(EmulatedRequest request) {
        String apiKey = apiKeyOf(request);
        if (apiKey != null && !admit(apiKey, 1)) {
            return Reply.json(429, rateLimitBody());
        }
        return switch (request.route()) {
            case "GET " + PREFIX + "/time" -> Reply.json(time());
            case "GET " + PREFIX + "/accounts" -> Reply.json(accounts(requireView(authenticate(request)), request));
            case "GET " + PREFIX + "/key_permissions" -> Reply.json(permissions(authenticate(request)));
            default -> Reply.json(404, obj("error", "NOT_FOUND", "error_details", "Not Found", "message", "Not Found"));
        };
    }

    private Map<String, Object> time() {
        long now = reportedMillis();
        return obj("iso", Instant.ofEpochMilli(now).toString(), "epochSeconds", Long.toString(now / 1000),
                "epochMillis", Long.toString(now));
    }

    private EmulatedAccount authenticate(EmulatedRequest request) {
        EmulatedAccount account = tokens.verify(request, this::account, Math.floorDiv(nowMillis(), 1000));
        if (account.isIpBlocked()) {
            throw CdpTokenCheck.unauthorized("IP address not in the allowlist of this API key");
        }
        return account;
    }

    private static EmulatedAccount requireView(EmulatedAccount account) {
        if (!account.has(Permission.READ)) {
            throw reject(Reply.json(403, obj("error", "PERMISSION_DENIED", "error_details", "Missing required scopes",
                    "message", "Missing required scopes")));
        }
        return account;
    }

    /** One page; the cursor is the uuid of the page's first account, as opaque to clients as Coinbase's. */
    private static Map<String, Object> accounts(EmulatedAccount account, EmulatedRequest request) {
        List<Map<String, Object>> all = new ArrayList<>();
        String portfolio = account.stableId("portfolio").toString();
        account.balances(Wallet.SPOT).forEach((currency, holding) -> all.add(account(account, portfolio, currency,
                holding.free(), holding.locked())));
        int limit = pageSize(request.query().get("limit"));
        int start = 0;
        String cursor = request.query().get("cursor");
        if (cursor != null && !cursor.isEmpty()) {
            start = -1;
            for (int i = 0; i < all.size(); i++) {
                if (cursor.equals(all.get(i).get("uuid"))) {
                    start = i;
                }
            }
            if (start < 0) {
                throw reject(Reply.json(400, obj("error", "INVALID_ARGUMENT", "error_details", "invalid cursor",
                        "message", "invalid cursor")));
            }
        }
        int end = Math.min(all.size(), start + limit);
        boolean hasNext = end < all.size();
        return obj("accounts", all.subList(start, end), "has_next", hasNext,
                "cursor", hasNext ? all.get(end).get("uuid") : "", "size", end - start);
    }

    private static Map<String, Object> account(EmulatedAccount account, String portfolio, String currency,
            BigDecimal available, BigDecimal hold) {
        String created = Instant.ofEpochSecond(1_700_000_000L).toString();
        return obj("uuid", account.stableId("account/" + currency).toString(), "name", currency + " Wallet",
                "currency", currency, "available_balance", obj("value", amount(available), "currency", currency),
                "default", false, "active", true, "created_at", created, "updated_at", created, "deleted_at", null,
                "type", FIAT.contains(currency) ? "ACCOUNT_TYPE_FIAT" : "ACCOUNT_TYPE_CRYPTO", "ready", true,
                "hold", obj("value", amount(hold), "currency", currency), "retail_portfolio_id", portfolio,
                "platform", "ACCOUNT_PLATFORM_CONSUMER");
    }

    private static int pageSize(String value) {
        if (value == null || value.isEmpty()) {
            return DEFAULT_PAGE;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit < 1) {
                throw new NumberFormatException();
            }
            return Math.min(limit, MAX_PAGE);
        } catch (NumberFormatException e) {
            throw reject(Reply.json(400, obj("error", "INVALID_ARGUMENT", "error_details", "invalid limit",
                    "message", "invalid limit")));
        }
    }

    private static Map<String, Object> permissions(EmulatedAccount account) {
        return obj("can_view", account.has(Permission.READ), "can_trade", account.has(Permission.TRADE),
                "can_transfer", account.has(Permission.WITHDRAW), "portfolio_uuid", account.stableId("portfolio").toString(),
                "portfolio_type", "DEFAULT");
    }

    @Override
    Object rateLimitBody() {
        return obj("error", "RATE_LIMIT_EXCEEDED", "error_details", "Too many requests", "message", "Too many requests");
    }

    @Override
    RandomCredentials randomCredentials() {
        return new RandomCredentials(CdpKeyMaterial.newKeyName(), CdpKeyMaterial.newEcdsaPem(), null);
    }

    @Override
    void validateCredentials(String apiKey, String apiSecret, String passphrase) {
        if (!KEY_NAME.matcher(apiKey).matches()) {
            throw new IllegalArgumentException("Coinbase CDP key names are organizations/{org_id}/apiKeys/{key_id}");
        }
        CdpKeyMaterial.publicKey(apiSecret);
    }
}

package io.coinsphere.exchangesync.emulator;

import static io.coinsphere.exchangesync.emulator.SignedRequests.cdpGet;
import static io.coinsphere.exchangesync.emulator.SignedRequests.json;
import static io.coinsphere.exchangesync.emulator.SignedRequests.now;
import static io.coinsphere.exchangesync.emulator.SignedRequests.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coinsphere.exchangesync.exchange.ApiCredentials;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.coinbaseadvanced.CdpJwt;
import io.coinsphere.exchangesync.exchange.coinbaseadvanced.CdpKey;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Coinbase Advanced Trade profile: our signer against the emulator, and every way a JWT can be wrong. */
class CoinbaseAdvancedEmulatorTest extends EmulatorTestBase {

    private static final ExchangeId CDP = ExchangeId.COINBASE_ADVANCED;
    private static final String ACCOUNTS = "/api/v3/brokerage/accounts";
    private static final ObjectMapper JSON = new ObjectMapper();
    static URI base;
    EmulatedAccount account;

    @BeforeAll
    static void start() {
        base = emu.baseUrl(CDP);
    }

    @BeforeEach
    void newAccount() {
        account = emu.addAccount(CDP).setBalance("BTC", new BigDecimal("0.750000000000000001"), new BigDecimal("0.25"))
                .setBalance("USD", new BigDecimal("12.5"), BigDecimal.ZERO);
    }

    @Test
    void ourSignerIsAcceptedAndAccountsCarryExactAmounts() {
        HttpResponse<String> response = send(get(ACCOUNTS, "").build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("has_next").booleanValue()).isFalse();
        JsonNode btc = body.get("accounts").get(0);
        assertThat(btc.get("currency").textValue()).isEqualTo("BTC");
        assertThat(btc.get("available_balance").get("value").textValue()).isEqualTo("0.750000000000000001");
        assertThat(btc.get("hold").get("value").textValue()).isEqualTo("0.25");
        assertThat(btc.get("type").textValue()).isEqualTo("ACCOUNT_TYPE_CRYPTO");
        assertThat(body.get("accounts").get(1).get("type").textValue()).isEqualTo("ACCOUNT_TYPE_FIAT");
    }

    @Test
    void ed25519KeysInBothFormsAreAccepted() {
        String secret = CdpKeyMaterial.newEd25519Base64();
        EmulatedAccount ed = emu.addAccount(CDP, CdpKeyMaterial.newKeyName(), CdpKeyMaterial.ed25519SeedOnly(secret), null);
        assertThat(send(cdpGet(base, ACCOUNTS, "", ed.apiKey(), secret, now() / 1000).build()).statusCode()).isEqualTo(200);
        assertThat(send(cdpGet(base, ACCOUNTS, "", ed.apiKey(), ed.apiSecret(), now() / 1000).build()).statusCode()).isEqualTo(200);
    }

    @Test
    void accountsComeInPagesFollowingTheCursor() {
        for (int i = 0; i < 600; i++) {
            account.setBalance(String.format("T%03d", i), BigDecimal.ONE, BigDecimal.ZERO);
        }
        Set<String> seen = new HashSet<>();
        String query = "limit=250";
        int pages = 0;
        while (true) {
            JsonNode body = json(send(get(ACCOUNTS, query).build()));
            pages++;
            body.get("accounts").forEach(a -> assertThat(seen.add(a.get("currency").textValue())).isTrue());
            if (!body.get("has_next").booleanValue()) {
                break;
            }
            query = "limit=250&cursor=" + body.get("cursor").textValue();
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(602);
        assertThat(json(send(get(ACCOUNTS, "").build())).get("accounts")).hasSize(49);
        assertThat(send(get(ACCOUNTS, "cursor=nowhere").build()).statusCode()).isEqualTo(400);
    }

    @Test
    void keyPermissionsFollowTheAccount() {
        JsonNode viewOnly = json(send(get("/api/v3/brokerage/key_permissions", "").build()));
        assertThat(viewOnly.get("can_view").booleanValue()).isTrue();
        assertThat(viewOnly.get("can_trade").booleanValue()).isFalse();
        assertThat(viewOnly.get("can_transfer").booleanValue()).isFalse();
        assertThat(viewOnly.get("portfolio_type").textValue()).isEqualTo("DEFAULT");

        account.grant(Permission.TRADE, Permission.WITHDRAW);
        JsonNode all = json(send(get("/api/v3/brokerage/key_permissions", "").build()));
        assertThat(all.get("can_trade").booleanValue()).isTrue();
        assertThat(all.get("can_transfer").booleanValue()).isTrue();
    }

    @Test
    void theServerTimeIsPublic() {
        JsonNode time = json(send(HttpRequest.newBuilder(base.resolve("/api/v3/brokerage/time")).build()));
        assertThat(Long.parseLong(time.get("epochMillis").textValue())).isCloseTo(now(), org.assertj.core.data.Offset.offset(5_000L));
    }

    @Test
    void everyWrongTokenIsRefusedWithItsReason() {
        EmulatedAccount other = emu.addAccount(CDP);
        long now = now() / 1000;
        assertRefused(401, "missing or malformed", HttpRequest.newBuilder(base.resolve(ACCOUNTS)).GET().build());
        assertRefused(401, "invalid signature", cdpGet(base, ACCOUNTS, "", account.apiKey(), other.apiSecret(), now).build());
        assertRefused(401, "unknown API key", cdpGet(base, ACCOUNTS, "", CdpKeyMaterial.newKeyName(), other.apiSecret(), now).build());
        assertRefused(401, "JWT expired", cdpGet(base, ACCOUNTS, "", account.apiKey(), account.apiSecret(), now - 200).build());
        assertRefused(401, "not yet valid", cdpGet(base, ACCOUNTS, "", account.apiKey(), account.apiSecret(), now + 60).build());
        assertThat(send(cdpGet(base, ACCOUNTS, "", account.apiKey(), account.apiSecret(), now + 20).build()).statusCode())
                .as("30 s of leeway, like the other exchanges").isEqualTo(200);
        assertRefused(401, "uri claim", HttpRequest.newBuilder(base.resolve(ACCOUNTS))
                .header("Authorization", "Bearer " + token(account, "/api/v3/brokerage/key_permissions", now)).GET().build());
        assertRefused(401, "invalid issuer", bearer(crafted(account, claims -> claims.put("iss", "coinbase-cloud"), false)));
        assertRefused(401, "sub does not match kid", bearer(crafted(account, claims -> claims.put("sub", other.apiKey()), false)));
        assertRefused(401, "lifetime", bearer(crafted(account, claims -> claims.put("exp", now + 600), false)));
        assertRefused(401, "invalid signature", bearer(crafted(account, claims -> { }, true)));
        assertThat(send(bearer(crafted(account, claims -> claims.put("uris", new String[] {uri(ACCOUNTS)}), false))).statusCode())
                .as("the uris form some SDK versions write").isEqualTo(200);

        String once = token(account, ACCOUNTS, now);
        assertThat(send(bearer(once)).statusCode()).isEqualTo(200);
        assertRefused(401, "nonce already used", bearer(once));

        account.blockOurIp(true);
        assertRefused(401, "allowlist", get(ACCOUNTS, "").build());
        account.blockOurIp(false).revoke(Permission.READ);
        assertRefused(403, "Missing required scopes", get(ACCOUNTS, "").build());
    }

    @Test
    void rateLimitAndScriptedFailuresApplyPerKey() {
        emu.setRateLimit(CDP, 3, Duration.ofSeconds(60));
        try {
            for (int i = 0; i < 3; i++) {
                assertThat(send(get(ACCOUNTS, "").build()).statusCode()).isEqualTo(200);
            }
            HttpResponse<String> limited = send(get(ACCOUNTS, "").build());
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.body()).contains("RATE_LIMIT_EXCEEDED");
        } finally {
            emu.disableRateLimit(CDP);
        }
        emu.failNext(CDP, account.apiKey(), 1, Failure.serverError(503));
        assertThat(send(get(ACCOUNTS, "").build()).statusCode()).isEqualTo(503);
        assertThat(emu.requestCount(CDP, account.apiKey())).isEqualTo(5);
    }

    @Test
    void onlyKeysCoinbaseCouldIssueCanBeRegistered() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> emu.addAccount(CDP, "not-a-key-name", CdpKeyMaterial.newEcdsaPem(), null))).isInstanceOf(IllegalArgumentException.class);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> emu.addAccount(CDP, CdpKeyMaterial.newKeyName(), "c2VjcmV0", null))).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRefused(int status, String detail, HttpRequest request) {
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).contains(detail);
    }

    private HttpRequest.Builder get(String path, String query) {
        return cdpGet(base, path, query, account.apiKey(), account.apiSecret(), now() / 1000);
    }

    private static HttpRequest bearer(String token) {
        return HttpRequest.newBuilder(base.resolve(ACCOUNTS)).header("Authorization", "Bearer " + token).GET().build();
    }

    private static String uri(String path) {
        return CdpJwt.uri("GET", base, path);
    }

    private static String token(EmulatedAccount account, String path, long now) {
        return CdpJwt.sign(CdpKey.of(new ApiCredentials(account.apiKey(), account.apiSecret(), null)), uri(path), now);
    }

    /** A token made by hand, to break one rule at a time; {@code derSignature} signs in Java's default DER form. */
    private static String crafted(EmulatedAccount account, Consumer<Map<String, Object>> change, boolean derSignature) {
        try {
            long now = now() / 1000;
            Map<String, Object> header = new LinkedHashMap<>(Map.of("alg", "ES256", "kid", account.apiKey(),
                    "nonce", Long.toHexString(System.nanoTime()) + "ab", "typ", "JWT"));
            Map<String, Object> claims = new LinkedHashMap<>(Map.of("iss", "cdp", "sub", account.apiKey(), "nbf", now,
                    "exp", now + 120, "uri", uri(ACCOUNTS)));
            change.accept(claims);
            if (claims.containsKey("uris")) {
                claims.remove("uri");
            }
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String input = b64.encodeToString(JSON.writeValueAsBytes(header)) + "." + b64.encodeToString(JSON.writeValueAsBytes(claims));
            Signature signature = Signature.getInstance(derSignature ? "SHA256withECDSA" : "SHA256withECDSAinP1363Format");
            signature.initSign(CdpKey.of(new ApiCredentials(account.apiKey(), account.apiSecret(), null)).privateKey());
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64.encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.coinsphere.exchangesync.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.emulator.Failure;
import io.coinsphere.exchangesync.emulator.Permission;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.support.IntegrationTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Point 5 over HTTP: {@code POST /test} answers each way a key can fail with its own status, error
 * code, reason and message, per exchange. Binance answers an unknown key, a foreign IP and a missing
 * "Enable Reading" with the same -2015, so those three share one reason and one message there.
 */
class KeyErrorsIT extends IntegrationTest {

    private static final String TEST = "/api/v1/exchanges/test";

    private final Set<String> messages = new HashSet<>();
    private ApiClient user;

    @BeforeEach
    void signUp() {
        user = newUser();
    }

    /** Posts the credentials and checks the answer; returns its message. */
    private String expect(Map<String, Object> body, int status, String error, String reason) {
        ApiClient.Response response = user.post(TEST, body);
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.text("error")).as(response.raw()).isEqualTo(error);
        if (reason != null) {
            assertThat(response.body().get("details").get(0).get("message").asText()).as(response.raw()).isEqualTo(reason);
        }
        String message = response.text("message");
        assertThat(message).isNotBlank();
        return message;
    }

    private void expectDistinct(Map<String, Object> body, int status, String error, String reason) {
        String message = expect(body, status, error, reason);
        assertThat(messages.add(message)).as("one message per failure: " + message).isTrue();
    }

    private static Map<String, Object> with(Map<String, Object> credentials, String field, String value) {
        Map<String, Object> copy = new HashMap<>(credentials);
        copy.put(field, value);
        return copy;
    }

    private void clockOutOfSync(ExchangeId exchange, EmulatedAccount account, Duration skew) {
        EMULATOR.setClockSkew(exchange, skew);
        EMULATOR.setReportedTimeError(exchange, skew.negated());
        try {
            expectDistinct(credentials(account, null), 422, "invalid_credentials", "clock_skew");
        } finally {
            EMULATOR.setClockSkew(exchange, Duration.ZERO);
            EMULATOR.setReportedTimeError(exchange, Duration.ZERO);
        }
    }

    private void transientOnes(ExchangeId exchange, EmulatedAccount account) {
        EMULATOR.failNext(exchange, account.apiKey(), 1, Failure.rateLimited(Duration.ofSeconds(1)));
        expect(credentials(account, null), 429, "rate_limited", null);
        EMULATOR.failNext(exchange, account.apiKey(), 1, Failure.serverError(503));
        expect(credentials(account, null), 502, "exchange_unavailable", null);
    }

    @Test
    void binance() {
        EmulatedAccount account = account(ExchangeId.BINANCE);
        EmulatedAccount other = account(ExchangeId.BINANCE);
        expectDistinct(with(credentials(account, null), "apiSecret", other.apiSecret()), 422, "invalid_credentials", "bad_signature");
        expectDistinct(with(credentials(account, null), "apiKey", "short"), 422, "invalid_credentials", "unknown_key");
        clockOutOfSync(ExchangeId.BINANCE, account, Duration.ofSeconds(-10));

        EMULATOR.removeAccount(ExchangeId.BINANCE, other.apiKey());
        String unknown = expect(credentials(other, null), 422, "invalid_credentials", "unknown_key");
        account.blockOurIp(true);
        assertThat(expect(credentials(account, null), 422, "invalid_credentials", "unknown_key")).isEqualTo(unknown)
                .contains("IP").contains("Enable Reading");
        account.blockOurIp(false).revoke(Permission.READ);
        expect(credentials(account, null), 422, "invalid_credentials", "unknown_key");
        account.grant(Permission.READ);

        transientOnes(ExchangeId.BINANCE, account);
        EMULATOR.banIp(Duration.ofSeconds(1));
        try {
            assertThat(expect(credentials(account, null), 429, "rate_limited", null)).isNotBlank();
        } finally {
            EMULATOR.banIp(Duration.ZERO);
        }
    }

    @Test
    void kucoin() {
        EmulatedAccount account = account(ExchangeId.KUCOIN);
        EmulatedAccount other = account(ExchangeId.KUCOIN);
        // The passphrase travels signed with the secret, so KuCoin reports a wrong secret as a wrong passphrase.
        expectDistinct(with(credentials(account, null), "passphrase", "wrong"), 422, "invalid_credentials", "bad_passphrase");
        expect(with(credentials(account, null), "apiSecret", other.apiSecret()), 422, "invalid_credentials", "bad_passphrase");
        clockOutOfSync(ExchangeId.KUCOIN, account, Duration.ofSeconds(10));
        account.blockOurIp(true);
        expectDistinct(credentials(account, null), 422, "invalid_credentials", "ip_not_allowed");
        account.blockOurIp(false).revoke(Permission.READ);
        expectDistinct(credentials(account, null), 422, "invalid_credentials", "missing_permission");
        account.grant(Permission.READ).setKeyVersion(1);
        expectDistinct(credentials(account, null), 422, "invalid_credentials", "key_version");
        account.setKeyVersion(2);
        EMULATOR.removeAccount(ExchangeId.KUCOIN, other.apiKey());
        expectDistinct(credentials(other, null), 422, "invalid_credentials", "unknown_key");
        transientOnes(ExchangeId.KUCOIN, account);
    }

    /**
     * How a signed exchange's key can fail, besides a wrong secret, an unknown key, a missing read permission and the
     * transient failures, which every exchange answers: {@code clockSkew} past its time window (null where the
     * exchange has none), whether it has a passphrase and an IP allowlist.
     */
    record KeyFailures(ExchangeId exchange, Duration clockSkew, boolean passphrase, boolean ipAllowlist) {

        @Override
        public String toString() {
            return exchange.id();
        }
    }

    static List<KeyFailures> signedExchanges() {
        return List.of(
                // Kraken's nonces are counters, not times: no clock window.
                new KeyFailures(ExchangeId.KRAKEN, null, false, false),
                new KeyFailures(ExchangeId.COINBASE, Duration.ofSeconds(60), true, true),
                // A token lives 120 s, so only a clock off by more than that (plus 30 s of leeway) shows.
                new KeyFailures(ExchangeId.COINBASE_ADVANCED, Duration.ofSeconds(200), false, true),
                new KeyFailures(ExchangeId.OKX, Duration.ofSeconds(60), true, true),
                new KeyFailures(ExchangeId.BYBIT, Duration.ofSeconds(60), false, true),
                // The window is 150 s either way.
                new KeyFailures(ExchangeId.BITSTAMP, Duration.ofSeconds(300), false, true),
                // Nonces are seconds and must lie within 30 s of Gemini's clock; the emulated Gemini has no allowlist.
                new KeyFailures(ExchangeId.GEMINI, Duration.ofSeconds(120), false, false));
    }

    @ParameterizedTest
    @MethodSource("signedExchanges")
    void eachWayAKeyFailsHasItsOwnAnswer(KeyFailures exchange) {
        ExchangeId id = exchange.exchange();
        EmulatedAccount account = account(id);
        EmulatedAccount other = account(id);
        expectDistinct(with(credentials(account, null), "apiSecret", other.apiSecret()), 422, "invalid_credentials", "bad_signature");
        if (exchange.passphrase()) {
            expectDistinct(with(credentials(account, null), "passphrase", "wrong"), 422, "invalid_credentials", "bad_passphrase");
        }
        if (exchange.clockSkew() != null) {
            clockOutOfSync(id, account, exchange.clockSkew());
        }
        if (exchange.ipAllowlist()) {
            account.blockOurIp(true);
            expectDistinct(credentials(account, null), 422, "invalid_credentials", "ip_not_allowed");
            account.blockOurIp(false);
        }
        account.revoke(Permission.READ);
        expectDistinct(credentials(account, null), 422, "invalid_credentials", "missing_permission");
        account.grant(Permission.READ);
        EMULATOR.removeAccount(id, other.apiKey());
        expectDistinct(credentials(other, null), 422, "invalid_credentials", "unknown_key");
        transientOnes(id, account);
    }

    /** A CDP key that cannot be right is a 400 naming the field, before any call to Coinbase. */
    @Test
    void coinbaseAdvancedKeysInTheWrongShapeAreRefusedBeforeAnyCall() {
        EmulatedAccount account = account(ExchangeId.COINBASE_ADVANCED);
        long before = EMULATOR.requestCount(ExchangeId.COINBASE_ADVANCED);
        for (Map<String, Object> body : List.of(with(credentials(account, null), "apiKey", "a1b2c3d4-0000-4000-8000-000000000000"),
                with(credentials(account, null), "apiKey", "organizations/x/apiKeys/"))) {
            ApiClient.Response response = user.post(TEST, body);
            assertThat(response.status()).as(response.raw()).isEqualTo(400);
            assertThat(response.text("error")).isEqualTo("validation_failed");
            assertThat(response.body().get("details").get(0).get("field").asText()).isEqualTo("apiKey");
            assertThat(response.body().get("details").get(0).get("message").asText()).contains("organizations/{org_id}/apiKeys/{key_id}");
        }
        String pem = account.apiSecret();
        for (String secret : List.of("not a private key", pem.substring(0, 100), pem.replace("EC PRIVATE KEY", "PUBLIC KEY"),
                "c2hvcnQ=")) {
            ApiClient.Response response = user.post(TEST, with(credentials(account, null), "apiSecret", secret));
            assertThat(response.status()).as(response.raw()).isEqualTo(400);
            assertThat(response.body().get("details").get(0).get("field").asText()).isEqualTo("apiSecret");
            assertThat(response.body().get("details").get(0).get("message").asText()).contains("PEM", "Ed25519");
            assertThat(response.raw()).doesNotContain(secret.strip().substring(0, 8)).doesNotContain("MHc");
        }
        assertThat(EMULATOR.requestCount(ExchangeId.COINBASE_ADVANCED)).isEqualTo(before);

        // The forms a real key arrives in: with its line breaks, with them escaped as \n (from the JSON file), quoted.
        for (String secret : List.of(pem, pem.replace("\n", "\r\n"), pem.replace("\n", "\\n"), "\"" + pem.replace("\n", "\\n") + "\"")) {
            ApiClient.Response response = user.post(TEST, with(credentials(account, null), "apiSecret", secret));
            assertThat(response.status()).as(response.raw()).isEqualTo(200);
        }
        // Line breaks are for PEM keys only: a one-line secret with one is still refused.
        EmulatedAccount binance = account(ExchangeId.BINANCE);
        ApiClient.Response broken = user.post(TEST, with(credentials(binance, null), "apiSecret", binance.apiSecret() + "\nx"));
        assertThat(broken.status()).as(broken.raw()).isEqualTo(400);
        assertThat(broken.body().get("details").get(0).get("field").asText()).isEqualTo("apiSecret");
    }
}

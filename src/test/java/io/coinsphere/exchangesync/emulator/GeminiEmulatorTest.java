package io.coinsphere.exchangesync.emulator;

import static io.coinsphere.exchangesync.emulator.SignedRequests.geminiNonce;
import static io.coinsphere.exchangesync.emulator.SignedRequests.geminiPost;
import static io.coinsphere.exchangesync.emulator.SignedRequests.json;
import static io.coinsphere.exchangesync.emulator.SignedRequests.now;
import static io.coinsphere.exchangesync.emulator.SignedRequests.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.signing.GeminiSignature;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GeminiEmulatorTest extends EmulatorTestBase {

    static URI base;
    EmulatedAccount account;

    @BeforeAll
    static void start() {
        base = emu.baseUrl(ExchangeId.GEMINI);
        emu.disableRateLimit(ExchangeId.GEMINI);
    }

    @BeforeEach
    void newAccount() {
        account = emu.addAccount(ExchangeId.GEMINI)
                .setBalance("BTC", new BigDecimal("1.5000000001"), new BigDecimal("0.25"))
                .setBalance(Wallet.STAKED, "ETH", new BigDecimal("32"), BigDecimal.ZERO);
    }

    private HttpResponse<String> post(String path, long nonce) {
        return send(geminiPost(base, path, account.apiKey(), account.apiSecret(), nonce));
    }

    private static void assertError(HttpResponse<String> response, int status, String reason) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = json(response);
        assertThat(body.get("result").asText()).isEqualTo("error");
        assertThat(body.get("reason").asText()).isEqualTo(reason);
        assertThat(body.get("message").asText()).isNotBlank();
    }

    @Test
    void balancesStakingAndRoles() {
        assertThat(post("/v1/balances", geminiNonce(account.apiKey())).body()).isEqualTo("[{\"type\":\"exchange\",\"currency\":\"BTC\","
                + "\"amount\":\"1.7500000001\",\"available\":\"1.5000000001\",\"availableForWithdrawal\":\"1.5000000001\"}]");
        JsonNode staking = json(post("/v1/balances/staking", geminiNonce(account.apiKey())));
        assertThat(staking.get(0).get("currency").asText()).isEqualTo("ETH");
        assertThat(staking.get(0).get("balance").asText()).isEqualTo("32");
        JsonNode roles = json(post("/v1/roles", geminiNonce(account.apiKey())));
        assertThat(roles.get("isAuditor").asBoolean()).isTrue();
        assertThat(roles.get("isTrader").asBoolean()).isFalse();
        assertThat(roles.get("isFundManager").asBoolean()).isFalse();
    }

    @Test
    void nonceMustIncreaseAndLieWithinThirtySecondsOfTheServerClock() {
        long nonce = geminiNonce(account.apiKey());
        assertThat(post("/v1/balances", nonce).statusCode()).isEqualTo(200);
        assertError(post("/v1/balances", nonce), 400, "InvalidNonce");
        assertError(post("/v1/balances", now() / 1000 + 60), 400, "InvalidNonce");
        assertError(post("/v1/balances", now() / 1000 - 60), 400, "InvalidNonce");
        assertThat(post("/v1/balances", geminiNonce(account.apiKey())).statusCode()).isEqualTo(200);
    }

    @Test
    void signaturePathKeyAndRole() {
        String payload = GeminiSignature.encode(GeminiSignature.payloadJson("/v1/balances", geminiNonce(account.apiKey())));
        HttpRequest wrongSecret = HttpRequest.newBuilder(URI.create(base + "/v1/balances"))
                .header("X-GEMINI-APIKEY", account.apiKey()).header("X-GEMINI-PAYLOAD", payload)
                .header("X-GEMINI-SIGNATURE", GeminiSignature.sign("someoneElsesSecret0000000000", payload))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        assertError(send(wrongSecret), 400, "InvalidSignature");
        // A payload signed for another endpoint is refused.
        String other = GeminiSignature.encode(GeminiSignature.payloadJson("/v1/roles", geminiNonce(account.apiKey())));
        HttpRequest mismatch = HttpRequest.newBuilder(URI.create(base + "/v1/balances"))
                .header("X-GEMINI-APIKEY", account.apiKey()).header("X-GEMINI-PAYLOAD", other)
                .header("X-GEMINI-SIGNATURE", GeminiSignature.sign(account.apiSecret(), other))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        assertError(send(mismatch), 400, "EndpointMismatch");
        assertError(send(geminiPost(base, "/v1/balances", "account-Unknown0000000000000", account.apiSecret(), 1L)),
                400, "InvalidApiKey");
        account.revoke(Permission.READ);
        assertError(post("/v1/balances", geminiNonce(account.apiKey())), 403, "MissingRole");
    }

    @Test
    void tickerIsTheServerClockAndTheLimitIsPerKey() {
        emu.setClockSkew(ExchangeId.GEMINI, Duration.ofSeconds(500));
        try {
            JsonNode ticker = json(send(HttpRequest.newBuilder(URI.create(base + "/v1/pubticker/btcusd")).GET().build()));
            assertThat(ticker.get("volume").get("timestamp").asLong()).isBetween(now() + 498_000, now() + 502_000);
        } finally {
            emu.setClockSkew(ExchangeId.GEMINI, Duration.ZERO);
        }
        EmulatedAccount other = emu.addAccount(ExchangeId.GEMINI);
        emu.setRateLimit(ExchangeId.GEMINI, 1, Duration.ofMinutes(1));
        try {
            assertThat(post("/v1/balances", geminiNonce(account.apiKey())).statusCode()).isEqualTo(200);
            assertError(post("/v1/balances", geminiNonce(account.apiKey())), 429, "RateLimit");
            assertThat(send(geminiPost(base, "/v1/balances", other.apiKey(), other.apiSecret(), geminiNonce(other.apiKey()))).statusCode())
                    .as("another key has its own limit").isEqualTo(200);
        } finally {
            emu.disableRateLimit(ExchangeId.GEMINI);
        }
    }
}

package io.coinsphere.exchangesync.emulator;

import static io.coinsphere.exchangesync.emulator.SignedRequests.bitstampPost;
import static io.coinsphere.exchangesync.emulator.SignedRequests.json;
import static io.coinsphere.exchangesync.emulator.SignedRequests.now;
import static io.coinsphere.exchangesync.emulator.SignedRequests.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.signing.BitstampSignature;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BitstampEmulatorTest extends EmulatorTestBase {

    static URI base;
    EmulatedAccount account;

    @BeforeAll
    static void start() {
        base = emu.baseUrl(ExchangeId.BITSTAMP);
        emu.disableRateLimit(ExchangeId.BITSTAMP);
    }

    @BeforeEach
    void newAccount() {
        account = emu.addAccount(ExchangeId.BITSTAMP)
                .setBalance("BTC", new BigDecimal("1.5000000001"), new BigDecimal("0.25"))
                .setBalance("EUR", new BigDecimal("100.5"), BigDecimal.ZERO);
    }

    private HttpRequest balances(String nonce, long timestamp) {
        return bitstampPost(base, BitstampEmulator.BALANCES, account.apiKey(), account.apiSecret(), nonce, timestamp);
    }

    private static void assertError(HttpResponse<String> response, String code, String reason) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        JsonNode body = json(response);
        assertThat(body.get("status").asText()).isEqualTo("error");
        assertThat(body.get("code").asText()).isEqualTo(code);
        assertThat(body.get("reason").asText()).isEqualTo(reason);
    }

    @Test
    void balancesListEveryCurrencyInLowerCaseAndTheAnswerIsSigned() {
        String nonce = UUID.randomUUID().toString();
        long timestamp = now();
        HttpResponse<String> response = send(balances(nonce, timestamp));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[{\"currency\":\"btc\",\"total\":\"1.7500000001\",\"available\":\"1.5000000001\","
                + "\"reserved\":\"0.25\"},{\"currency\":\"eur\",\"total\":\"100.5\",\"available\":\"100.5\",\"reserved\":\"0\"}]");
        String contentType = response.headers().firstValue("Content-Type").orElseThrow();
        assertThat(response.headers().firstValue("X-Server-Auth-Signature")).hasValue(BitstampSignature.response(
                account.apiSecret(), nonce, Long.toString(timestamp), contentType, response.body()));
    }

    @Test
    void aNonceIsRefusedTheSecondTime() {
        String nonce = UUID.randomUUID().toString();
        assertThat(send(balances(nonce, now())).statusCode()).isEqualTo(200);
        assertError(send(balances(nonce, now())), "API0004", "Invalid nonce");
        assertThat(send(balances(UUID.randomUUID().toString(), now())).statusCode()).isEqualTo(200);
    }

    @Test
    void timestampsOutsideOneHundredFiftySecondsAreRefused() {
        assertError(send(balances(UUID.randomUUID().toString(), now() - 151_000)), "API0017", "X-Auth-Timestamp header is out of boundaries");
        assertError(send(balances(UUID.randomUUID().toString(), now() + 151_000)), "API0017", "X-Auth-Timestamp header is out of boundaries");
        assertThat(send(balances(UUID.randomUUID().toString(), now() - 140_000)).statusCode()).isEqualTo(200);
    }

    @Test
    void theSignatureCoversEveryPartAndTheHostWithItsPort() {
        String nonce = UUID.randomUUID().toString();
        String timestamp = Long.toString(now());
        // Signed for another host: the request is refused.
        String wrongHost = BitstampSignature.sign(account.apiSecret(), account.apiKey(), "POST", "www.bitstamp.net",
                BitstampEmulator.BALANCES, "", null, nonce, timestamp, "");
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + BitstampEmulator.BALANCES))
                .header("X-Auth", "BITSTAMP " + account.apiKey()).header("X-Auth-Signature", wrongHost)
                .header("X-Auth-Nonce", nonce).header("X-Auth-Timestamp", timestamp).header("X-Auth-Version", "v2")
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        assertError(send(request), "API0005", "Invalid signature");
    }

    @Test
    void headersAreRequiredAndAContentTypeWithoutABodyIsRefused() {
        HttpRequest good = balances(UUID.randomUUID().toString(), now());
        HttpRequest noVersion = HttpRequest.newBuilder(good, (name, value) -> !name.equalsIgnoreCase("X-Auth-Version")).build();
        assertError(send(noVersion), "API0016", "X-Auth-Version header is required");
        HttpRequest typed = HttpRequest.newBuilder(balances(UUID.randomUUID().toString(), now()), (name, value) -> true)
                .header("Content-Type", "application/x-www-form-urlencoded").build();
        assertError(send(typed), "API0020", "Content-Type header should not be present");
        HttpRequest unknown = bitstampPost(base, BitstampEmulator.BALANCES, "UnknownKey0000000000000000000001",
                account.apiSecret(), UUID.randomUUID().toString(), now());
        assertError(send(unknown), "API0001", "API key not found");
    }

    @Test
    void permissionAndIpAreCheckedAfterTheSignature() {
        account.revoke(Permission.READ);
        assertError(send(balances(UUID.randomUUID().toString(), now())), "API0003", "No permission found");
        account.grant(Permission.READ).blockOurIp(true);
        assertError(send(balances(UUID.randomUUID().toString(), now())), "API0002", "IP address not allowed");
    }

    @Test
    void theTickerTellsTheServerTimeAndTheLimitIsPerAddress() {
        emu.setClockSkew(ExchangeId.BITSTAMP, Duration.ofSeconds(500));
        try {
            JsonNode ticker = json(send(HttpRequest.newBuilder(URI.create(base + "/api/v2/ticker/btcusd/")).GET().build()));
            assertThat(Long.parseLong(ticker.get("timestamp").asText())).isBetween(now() / 1000 + 498, now() / 1000 + 502);
        } finally {
            emu.setClockSkew(ExchangeId.BITSTAMP, Duration.ZERO);
        }
        EmulatedAccount other = emu.addAccount(ExchangeId.BITSTAMP);
        emu.setRateLimit(ExchangeId.BITSTAMP, 2, Duration.ofMinutes(10));
        try {
            assertThat(send(balances(UUID.randomUUID().toString(), now())).statusCode()).isEqualTo(200);
            assertThat(send(bitstampPost(base, BitstampEmulator.BALANCES, other.apiKey(), other.apiSecret(),
                    UUID.randomUUID().toString(), now())).statusCode()).isEqualTo(200);
            HttpResponse<String> refused = send(balances(UUID.randomUUID().toString(), now()));
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(json(refused).get("response_code").asText()).isEqualTo("400.002");
        } finally {
            emu.disableRateLimit(ExchangeId.BITSTAMP);
        }
    }
}

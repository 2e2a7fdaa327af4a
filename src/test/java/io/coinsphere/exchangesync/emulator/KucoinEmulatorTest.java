package io.coinsphere.exchangesync.emulator;

import static io.coinsphere.exchangesync.emulator.SignedRequests.json;
import static io.coinsphere.exchangesync.emulator.SignedRequests.kucoinGet;
import static io.coinsphere.exchangesync.emulator.SignedRequests.now;
import static io.coinsphere.exchangesync.emulator.SignedRequests.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.signing.KucoinSignature;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KucoinEmulatorTest extends EmulatorTestBase {

    static URI base;
    EmulatedAccount account;

    @BeforeAll
    static void start() {
        base = emu.baseUrl(ExchangeId.KUCOIN);
    }

    @BeforeEach
    void newAccount() {
        account = emu.addAccount(ExchangeId.KUCOIN)
                .setBalance("USDT", new BigDecimal("26.6"), new BigDecimal("0.000000000000000001"))
                .setBalance(Wallet.FUNDING, "USDT", new BigDecimal("5"), BigDecimal.ZERO)
                .setBalance(Wallet.FUNDING, "BTC", new BigDecimal("0.1"), BigDecimal.ZERO);
    }

    @Test
    void accountsListBothWalletsWithExactAmounts() {
        HttpResponse<String> response = send(get("/api/v1/accounts").build());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("code").textValue()).isEqualTo("200000");
        assertThat(body.get("data")).hasSize(3);
        JsonNode trade = body.get("data").get(2);
        assertThat(trade.get("type").textValue()).isEqualTo("trade");
        assertThat(trade.get("balance").textValue()).isEqualTo("26.600000000000000001");
        assertThat(trade.get("available").textValue()).isEqualTo("26.6");
        assertThat(trade.get("holds").textValue()).isEqualTo("0.000000000000000001");
        assertThat(response.headers().firstValue("gw-ratelimit-remaining")).isPresent();
    }

    @Test
    void accountsFilterByTypeAndCurrencyUnderTheSignedQuery() {
        JsonNode data = json(send(get("/api/v1/accounts?currency=USDT&type=main").build())).get("data");

        assertThat(data).hasSize(1);
        assertThat(data.get(0).get("type").textValue()).isEqualTo("main");
        assertThat(data.get(0).get("balance").textValue()).isEqualTo("5");
    }

    @Test
    void rejectsAPlainTextPassphrase() {
        assertError(send(kucoinGet(base, "/api/v1/accounts", account.apiKey(), account.apiSecret(),
                account.passphrase(), "2", now()).build()), "400004");
    }

    @Test
    void rejectsAMissingOrRetiredOrUnknownKeyVersion() {
        assertError(send(request("/api/v1/accounts", null, now())), "400008");
        assertError(send(request("/api/v1/accounts", "1", now())), "400008");
        assertError(send(request("/api/v1/accounts", "7", now())), "400009");
        assertThat(send(request("/api/v1/accounts", "3", now())).statusCode()).isEqualTo(200);
    }

    @Test
    void rejectsMissingHeaders() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/api/v1/accounts"))
                .header("KC-API-KEY", account.apiKey()).header("KC-API-KEY-VERSION", "2").build());

        assertError(response, "400001");
    }

    @Test
    void rejectsATimestampMoreThan5SecondsOff() {
        assertError(send(request("/api/v1/accounts", "2", now() - 6_000)), "400002");
    }

    @Test
    void rejectsAnUnknownKeyAndAWrongSecret() {
        assertError(send(kucoinGet(base, "/api/v1/accounts", "000000000000000000000000", account.apiSecret(),
                signedPassphrase(), "2", now()).build()), "400003");
        assertError(send(kucoinGet(base, "/api/v1/accounts", account.apiKey(), "wrong-secret",
                signedPassphrase(), "2", now()).build()), "400005");
    }

    @Test
    void apiKeyReportsThePermissionString() {
        assertThat(json(send(get("/api/v1/user/api-key").build())).get("data").get("permission").textValue())
                .isEqualTo("General");

        account.grant(Permission.TRADE);

        assertThat(json(send(get("/api/v1/user/api-key").build())).get("data").get("permission").textValue())
                .isEqualTo("General,Spot");
    }

    @Test
    void servesTheTimestampAndAnswersUnknownPathsWith404() {
        assertThat(json(send(HttpRequest.newBuilder(base.resolve("/api/v1/timestamp")).build())).get("data").longValue())
                .isBetween(now() - 5_000, now() + 5_000);
        HttpResponse<String> unknown = send(HttpRequest.newBuilder(base.resolve("/api/v1/nothing")).build());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("code").textValue()).isEqualTo("404000");
    }

    private HttpRequest.Builder get(String pathWithQuery) {
        return kucoinGet(base, pathWithQuery, account.apiKey(), account.apiSecret(), signedPassphrase(), "2", now());
    }

    private HttpRequest request(String pathWithQuery, String keyVersion, long timestamp) {
        return kucoinGet(base, pathWithQuery, account.apiKey(), account.apiSecret(), signedPassphrase(), keyVersion,
                timestamp).build();
    }

    private String signedPassphrase() {
        return KucoinSignature.passphrase(account.apiSecret(), account.passphrase());
    }

    private static void assertError(HttpResponse<String> response, String code) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("code").textValue()).isEqualTo(code);
        assertThat(json(response).get("msg").textValue()).isNotBlank();
    }
}

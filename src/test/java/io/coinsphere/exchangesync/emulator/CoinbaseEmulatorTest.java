package io.coinsphere.exchangesync.emulator;

import static io.coinsphere.exchangesync.emulator.SignedRequests.coinbaseGet;
import static io.coinsphere.exchangesync.emulator.SignedRequests.json;
import static io.coinsphere.exchangesync.emulator.SignedRequests.now;
import static io.coinsphere.exchangesync.emulator.SignedRequests.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CoinbaseEmulatorTest extends EmulatorTestBase {

    static URI base;
    EmulatedAccount account;

    @BeforeAll
    static void start() {
        base = emu.baseUrl(ExchangeId.COINBASE);
    }

    @BeforeEach
    void newAccount() {
        account = emu.addAccount(ExchangeId.COINBASE)
                .setBalance("BTC", new BigDecimal("0.75"), new BigDecimal("0.2500000000000001"))
                .setBalance("USD", new BigDecimal("10"), BigDecimal.ZERO);
    }

    @Test
    void accountsCarryBalanceHoldAndAvailableAsExactStrings() {
        HttpResponse<String> response = send(get(account.apiSecret(), account.passphrase(), now() / 1000));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode btc = json(response).get(0);
        assertThat(btc.get("currency").textValue()).isEqualTo("BTC");
        assertThat(btc.get("balance").textValue()).isEqualTo("1.0000000000000001");
        assertThat(btc.get("hold").textValue()).isEqualTo("0.2500000000000001");
        assertThat(btc.get("available").textValue()).isEqualTo("0.75");
        assertThat(btc.get("trading_enabled").booleanValue()).isTrue();
        assertThat(btc.get("profile_id").textValue()).isEqualTo(json(response).get(1).get("profile_id").textValue());
        assertThat(btc.get("id").textValue()).isNotEqualTo(json(response).get(1).get("id").textValue());
    }

    @Test
    void rejectsAWrongSecret() {
        assertMessage(send(get(KrakenEmulatorTest.OTHER_SECRET, account.passphrase(), now() / 1000)),
                401, "invalid signature");
    }

    @Test
    void rejectsAWrongPassphrase() {
        assertMessage(send(get(account.apiSecret(), "wrong", now() / 1000)), 401, "Invalid Passphrase");
    }

    @Test
    void rejectsATimestampMoreThan30SecondsOff() {
        assertMessage(send(get(account.apiSecret(), account.passphrase(), now() / 1000 - 31)),
                401, "request timestamp expired");
        assertThat(send(get(account.apiSecret(), account.passphrase(), now() / 1000 - 20)).statusCode()).isEqualTo(200);
    }

    @Test
    void rejectsAnUnknownKey() {
        assertMessage(send(coinbaseGet(base, "/accounts", "unknown", account.apiSecret(), account.passphrase(),
                now() / 1000)), 401, "Invalid API Key");
    }

    @Test
    void servesPublicEndpointsAndUnknownPathsWith404() {
        JsonNode time = json(send(HttpRequest.newBuilder(base.resolve("/time")).build()));
        assertThat(time.get("iso").textValue()).endsWith("Z");
        assertThat(time.get("epoch").decimalValue().longValue()).isBetween(now() / 1000 - 5, now() / 1000 + 5);
        assertThat(json(send(HttpRequest.newBuilder(base.resolve("/products")).build())).get(0).get("id").textValue())
                .isEqualTo("BTC-USD");
        assertThat(json(send(HttpRequest.newBuilder(base.resolve("/currencies")).build()))).isNotEmpty();
        assertMessage(send(HttpRequest.newBuilder(base.resolve("/nothing")).build()), 404, "NotFound");
    }

    private HttpRequest get(String secret, String passphrase, long epochSeconds) {
        return coinbaseGet(base, "/accounts", account.apiKey(), secret, passphrase, epochSeconds);
    }

    private static void assertMessage(HttpResponse<String> response, int status, String message) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(json(response).get("message").textValue()).isEqualTo(message);
    }
}

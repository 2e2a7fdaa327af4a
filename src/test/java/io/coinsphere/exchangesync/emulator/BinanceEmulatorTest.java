package io.coinsphere.exchangesync.emulator;

import static io.coinsphere.exchangesync.emulator.SignedRequests.binanceGet;
import static io.coinsphere.exchangesync.emulator.SignedRequests.json;
import static io.coinsphere.exchangesync.emulator.SignedRequests.now;
import static io.coinsphere.exchangesync.emulator.SignedRequests.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.signing.BinanceSignature;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BinanceEmulatorTest extends EmulatorTestBase {

    static URI base;
    EmulatedAccount account;

    @BeforeAll
    static void start() {
        base = emu.baseUrl(ExchangeId.BINANCE);
    }

    @BeforeEach
    void newAccount() {
        account = emu.addAccount(ExchangeId.BINANCE)
                .setBalance("BTC", new BigDecimal("1.50000001"), new BigDecimal("0.25"))
                .setBalance("USDT", new BigDecimal("1234.123456789012345678"), BigDecimal.ZERO)
                .setBalance("ETH", BigDecimal.ZERO, BigDecimal.ZERO);
    }

    @Test
    void returnsScriptedSpotBalancesAsExactStrings() {
        HttpResponse<String> response = send(signed("/api/v3/account", ""));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode balances = json(response).get("balances");
        assertThat(balances).hasSize(3);
        assertThat(balances.get(0).toString()).isEqualTo("{\"asset\":\"BTC\",\"free\":\"1.50000001\",\"locked\":\"0.25\"}");
        assertThat(balances.get(2).get("free").textValue()).isEqualTo("1234.123456789012345678");
        assertThat(response.headers().firstValue("X-MBX-USED-WEIGHT-1M")).hasValueSatisfying(
                weight -> assertThat(Long.parseLong(weight)).isGreaterThanOrEqualTo(20));
    }

    @Test
    void omitZeroBalancesDropsEmptyAssets() {
        JsonNode balances = json(send(signed("/api/v3/account", "omitZeroBalances=true"))).get("balances");

        assertThat(balances).extracting(b -> b.get("asset").textValue()).containsExactly("BTC", "USDT");
    }

    @Test
    void rejectsAWrongSecret() {
        HttpResponse<String> response = send(binanceGet(base, "/api/v3/account", account.apiKey(),
                account.apiSecret() + "x", "", now()));

        assertError(response, 400, -1022);
    }

    @Test
    void rejectsATimestampOlderThanRecvWindowOrAheadOfServerTime() {
        assertError(send(signed("/api/v3/account", "", now() - 6_000)), 400, -1021);
        assertError(send(signed("/api/v3/account", "", now() + 1_500)), 400, -1021);
        assertThat(send(signed("/api/v3/account", "recvWindow=10000", now() - 6_000)).statusCode()).isEqualTo(200);
        assertThat(json(send(signed("/api/v3/account", "recvWindow=60001", now()))).get("code").intValue())
                .isEqualTo(-1131);
    }

    @Test
    void rejectsUnknownAndMalformedKeys() {
        String unknown = "A".repeat(64);
        assertError(send(binanceGet(base, "/api/v3/account", unknown, account.apiSecret(), "", now())), 401, -2015);
        assertError(send(binanceGet(base, "/api/v3/account", "short", account.apiSecret(), "", now())), 401, -2014);
    }

    @Test
    void aKeyWithoutReadingIsRefused() {
        account.revoke(Permission.READ);

        assertError(send(signed("/api/v3/account", "")), 401, -2015);
    }

    @Test
    void clockSkewMakesOurTimestampLookAhead() {
        try (ExchangeEmulator skewed = ExchangeEmulator.start()) {
            EmulatedAccount acc = skewed.addAccount(ExchangeId.BINANCE);
            skewed.setClockSkew(ExchangeId.BINANCE, Duration.ofSeconds(-3));
            URI skewedBase = skewed.baseUrl(ExchangeId.BINANCE);

            assertError(send(binanceGet(skewedBase, "/api/v3/account", acc.apiKey(), acc.apiSecret(), "", now())), 400, -1021);
            long serverTime = json(send(HttpRequest.newBuilder(skewedBase.resolve("/api/v3/time")).build()))
                    .get("serverTime").longValue();
            assertThat(serverTime).isBetween(now() - 4_000, now() - 2_000);
            assertThat(send(binanceGet(skewedBase, "/api/v3/account", acc.apiKey(), acc.apiSecret(), "", serverTime))
                    .statusCode()).isEqualTo(200);
        }
    }

    @Test
    void fundingWalletIsSignedOverTheFormBody() {
        account.setBalance(Wallet.FUNDING, "USDT", new BigDecimal("10.5"), new BigDecimal("0.5"));
        String body = "timestamp=" + now();
        body += "&signature=" + BinanceSignature.sign(account.apiSecret(), body);

        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/sapi/v1/asset/get-funding-asset"))
                .header("X-MBX-APIKEY", account.apiKey())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode assets = json(response);
        assertThat(assets).hasSize(1);
        assertThat(assets.get(0).get("asset").textValue()).isEqualTo("USDT");
        assertThat(assets.get(0).get("free").textValue()).isEqualTo("10.5");
        assertThat(assets.get(0).get("locked").textValue()).isEqualTo("0.5");
    }

    @Test
    void apiRestrictionsReflectThePermissions() {
        account.grant(Permission.WITHDRAW);

        JsonNode restrictions = json(send(signed("/sapi/v1/account/apiRestrictions", "")));

        assertThat(restrictions.get("enableReading").booleanValue()).isTrue();
        assertThat(restrictions.get("enableWithdrawals").booleanValue()).isTrue();
        assertThat(restrictions.get("enableSpotAndMarginTrading").booleanValue()).isFalse();
    }

    @Test
    void servesPublicMetadataAndAnswersUnknownPathsWith404() {
        assertThat(json(send(HttpRequest.newBuilder(base.resolve("/api/v3/exchangeInfo")).build()))
                .get("symbols").get(0).get("symbol").textValue()).isEqualTo("BTCUSDT");
        assertThat(json(send(signed("/sapi/v1/asset/assetDetail", ""))).has("BTC")).isTrue();
        assertThat(send(HttpRequest.newBuilder(base.resolve("/api/v3/nothing")).build()).statusCode()).isEqualTo(404);
    }

    @Test
    void refusesKeysThatBinanceWouldNotIssue() {
        assertThatThrownBy(() -> emu.addAccount(ExchangeId.BINANCE, "short", "secret", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emu.addAccount(ExchangeId.BINANCE, account.apiKey(), "other", null))
                .isInstanceOf(IllegalStateException.class);
    }

    private HttpRequest signed(String path, String params) {
        return signed(path, params, now());
    }

    private HttpRequest signed(String path, String params, long timestamp) {
        return binanceGet(base, path, account.apiKey(), account.apiSecret(), params, timestamp);
    }

    private static void assertError(HttpResponse<String> response, int status, int code) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(json(response).get("code").intValue()).isEqualTo(code);
        assertThat(json(response).get("msg").textValue()).isNotBlank();
    }
}

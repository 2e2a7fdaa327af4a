package io.coinsphere.exchangesync.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.emulator.Permission;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Point 2: /test and /connect report what the key may do; withdraw keys are refused, trading keys warned.
 * Coinbase CDP keys report {@code can_transfer}, which counts as withdrawal.
 */
class KeyPermissionsIT extends IntegrationTest {

    private static final String BASE = "/api/v1/exchanges";

    @ParameterizedTest
    @EnumSource(value = ExchangeId.class, names = {"BINANCE", "KUCOIN", "COINBASE_ADVANCED", "OKX", "BYBIT", "GEMINI"})
    void readOnlyKeyIsVerified(ExchangeId exchange) {
        ApiClient.Response response = newUser().post(BASE + "/test", credentials(account(exchange), null));
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        assertThat(response.body().get("permissions").get("read").asBoolean()).isTrue();
        assertThat(response.body().get("permissions").get("trade").asBoolean()).isFalse();
        assertThat(response.body().get("permissions").get("withdraw").asBoolean()).isFalse();
        assertThat(response.body().get("permissions").get("verified").asBoolean()).isTrue();
        assertThat(response.body().get("warnings")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = ExchangeId.class, names = {"KRAKEN", "COINBASE", "BITSTAMP"})
    void exchangesWithoutAPermissionApiSayNotVerified(ExchangeId exchange) {
        ApiClient.Response response = newUser().post(BASE + "/test", credentials(account(exchange), null));
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        assertThat(response.body().get("permissions").get("verified").asBoolean()).isFalse();
        assertThat(response.body().get("permissions").get("note").asText()).contains("no API to list");
    }

    @ParameterizedTest
    @EnumSource(value = ExchangeId.class, names = {"BINANCE", "KUCOIN", "COINBASE_ADVANCED", "OKX", "BYBIT", "GEMINI"})
    void withdrawKeyIsRefused(ExchangeId exchange) {
        EmulatedAccount account = account(exchange).grant(Permission.WITHDRAW);
        ApiClient user = newUser();
        for (String verb : new String[] {"/test", "/connect"}) {
            ApiClient.Response response = user.post(BASE + verb, credentials(account, null));
            assertThat(response.status()).as(response.raw()).isEqualTo(422);
            assertThat(response.text("error")).isEqualTo("key_not_read_only");
            assertThat(response.body().get("success").asBoolean()).isFalse();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM exchange_connections WHERE api_key_hint = ?", Integer.class,
                account.apiKey().substring(account.apiKey().length() - 4))).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = ExchangeId.class, names = {"BINANCE", "COINBASE_ADVANCED", "OKX", "BYBIT", "GEMINI"})
    void tradingKeyIsConnectedWithAWarningThatStaysOnTheConnection(ExchangeId exchange) {
        ApiClient user = newUser();
        EmulatedAccount account = account(exchange).grant(Permission.TRADE).setBalance("BTC", dec("1"), dec("0"));
        ApiClient.Response response = user.post(BASE + "/connect", credentials(account, null));
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        assertThat(response.body().get("permissions").get("trade").asBoolean()).isTrue();
        assertThat(response.body().get("permissions").get("verified").asBoolean()).isTrue();
        assertThat(response.body().get("warnings").get(0).asText()).contains("can trade");

        UUID id = UUID.fromString(response.text("connectionId"));
        awaitRuns(id, 1);
        assertThat(connectionRow(id)).containsEntry("status", "active");
        assertThat((String) connectionRow(id).get("last_error")).contains("can trade");
        assertThat(holdings(id)).containsEntry("BTC", dec("1"));
    }
}

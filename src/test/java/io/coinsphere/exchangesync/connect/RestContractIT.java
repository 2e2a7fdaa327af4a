package io.coinsphere.exchangesync.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.emulator.Failure;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.support.IntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every status of the REST contract, with its JSON body. */
class RestContractIT extends IntegrationTest {

    private static final String BASE = "/api/v1/exchanges";

    private static void assertError(ApiClient.Response response, int status, String code) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.http().headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(response.body().get("success").asBoolean()).isFalse();
        assertThat(response.text("error")).isEqualTo(code);
        assertThat(response.text("message")).isNotBlank();
        assertThat(response.body().get("details").isArray()).isTrue();
    }

    @Test
    void supportedExchanges() {
        JsonNode body = newUser().get(BASE + "/supported").body();
        assertThat(body.toString()).isEqualTo("{\"exchanges\":["
                + "{\"id\":\"binance\",\"name\":\"Binance\",\"requiresPassphrase\":false},"
                + "{\"id\":\"coinbase\",\"name\":\"Coinbase\",\"requiresPassphrase\":true},"
                + "{\"id\":\"kraken\",\"name\":\"Kraken\",\"requiresPassphrase\":false},"
                + "{\"id\":\"kucoin\",\"name\":\"KuCoin\",\"requiresPassphrase\":true}]}");
    }

    @Test
    void everyEndpointNeedsAToken() {
        ApiClient anonymous = anonymous();
        UUID any = UUID.randomUUID();
        assertError(anonymous.get(BASE + "/supported"), 401, "unauthorized");
        assertError(anonymous.get(BASE + "/connections"), 401, "unauthorized");
        assertError(anonymous.post(BASE + "/connect", ApiClient.json("exchange", "binance")), 401, "unauthorized");
        assertError(anonymous.post(BASE + "/connections/" + any + "/sync", null), 401, "unauthorized");
        assertError(anonymous.delete(BASE + "/connections/" + any), 401, "unauthorized");
        assertError(anonymous.withToken("not.a.jwt").get(BASE + "/connections"), 401, "unauthorized");
    }

    @Test
    void validationErrorsNameTheFields() {
        ApiClient user = newUser();
        ApiClient.Response missing = user.post(BASE + "/connect", ApiClient.json("exchange", "binance", "apiKey", " "));
        assertError(missing, 400, "validation_failed");
        assertThat(missing.body().get("details").findValuesAsText("field")).containsExactly("apiKey", "apiSecret");

        ApiClient.Response unknown = user.post(BASE + "/test", ApiClient.json("exchange", "mtgox", "apiKey", "k", "apiSecret", "s"));
        assertError(unknown, 400, "validation_failed");
        assertThat(unknown.body().get("details").get(0).get("field").asText()).isEqualTo("exchange");

        ApiClient.Response passphrase = user.post(BASE + "/connect",
                ApiClient.json("exchange", "kucoin", "apiKey", "key-1234", "apiSecret", "secret-1234"));
        assertError(passphrase, 400, "validation_failed");
        assertThat(passphrase.body().get("details").get(0).get("field").asText()).isEqualTo("passphrase");

        assertError(user.sendRaw("POST", BASE + "/connect", "{\"exchange\": \"binance\",", "application/json"),
                400, "validation_failed");
        assertError(user.sendRaw("POST", BASE + "/connect", "[1,2,3]", "application/json"), 400, "validation_failed");
        assertError(user.post(BASE + "/connect", ApiClient.json("exchange", "binance", "apiKey", "k".repeat(600),
                "apiSecret", "s")), 400, "validation_failed");
        assertError(user.post(BASE + "/connect", ApiClient.json("exchange", "binance", "apiKey", "k",
                "apiSecret", "s", "label", "x".repeat(101))), 400, "validation_failed");
        assertError(user.sendRaw("POST", BASE + "/connect", "{\"label\":\"" + "x".repeat(70_000) + "\"}", "application/json"),
                413, "payload_too_large");
        assertError(user.get(BASE + "/connections/not-a-uuid"), 400, "validation_failed");
        assertError(user.patch(BASE + "/connections/" + UUID.randomUUID(), ApiClient.json("syncInterval", 10)),
                400, "validation_failed");
    }

    @Test
    void exchangeAnswersMapToStatusCodes() {
        ApiClient user = newUser();
        EmulatedAccount account = account(ExchangeId.BINANCE).setBalance("BTC", dec("1"), dec("0"));

        ApiClient.Response wrongSecret = user.post(BASE + "/test", ApiClient.json("exchange", "binance",
                "apiKey", account.apiKey(), "apiSecret", "wrong-secret-" + UUID.randomUUID()));
        assertError(wrongSecret, 422, "invalid_credentials");

        ApiClient.Response unknownKey = user.post(BASE + "/connect", ApiClient.json("exchange", "kraken",
                "apiKey", "unknown-key-" + UUID.randomUUID(), "apiSecret", "c2VjcmV0LXNlY3JldC1zZWNyZXQ="));
        assertError(unknownKey, 422, "invalid_credentials");

        EMULATOR.failNext(ExchangeId.BINANCE, account.apiKey(), 1, Failure.serverError(503));
        assertError(user.post(BASE + "/test", credentials(account, null)), 502, "exchange_unavailable");

        EMULATOR.failNext(ExchangeId.BINANCE, account.apiKey(), 1, Failure.rateLimited(Duration.ofSeconds(7)));
        ApiClient.Response limited = user.post(BASE + "/test", credentials(account, null));
        assertError(limited, 429, "rate_limited");
        assertThat(limited.http().headers().firstValue("Retry-After")).contains("7");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM exchange_connections WHERE api_key_hint = ?", Integer.class,
                account.apiKey().substring(account.apiKey().length() - 4))).as("nothing stored").isZero();
    }

    @Test
    void theSameKeyTwiceIsAConflict() {
        ApiClient user = newUser();
        EmulatedAccount account = account(ExchangeId.COINBASE).setBalance("BTC", dec("1"), dec("0"));
        connect(user, account);
        assertError(user.post(BASE + "/connect", credentials(account, "again")), 409, "already_connected");
        // Another user may connect the same key (a shared team account): it is their own connection.
        connect(newUser(), account);
    }

    @Test
    void anotherUsersConnectionIsNotFound() {
        ApiClient owner = newUser();
        ApiClient stranger = newUser();
        UUID id = connect(owner, account(ExchangeId.BINANCE).setBalance("BTC", dec("1"), dec("0")));
        String path = BASE + "/connections/" + id;

        assertError(stranger.get(path), 404, "not_found");
        assertError(stranger.patch(path, ApiClient.json("label", "mine now")), 404, "not_found");
        assertError(stranger.post(path + "/sync", null), 404, "not_found");
        assertError(stranger.put(path + "/credentials", ApiClient.json("apiKey", "k", "apiSecret", "s")), 404, "not_found");
        assertError(stranger.delete(path), 404, "not_found");
        assertError(owner.get(BASE + "/connections/" + UUID.randomUUID()), 404, "not_found");
        assertThat(stranger.get(BASE + "/connections").body().get("connections")).isEmpty();
        assertThat(owner.get(path).status()).isEqualTo(200);
        assertThat(owner.get(path).body().get("connection").get("label").asText()).isEqualTo("Binance");
    }

    @Test
    void settingsCanBeChanged() {
        ApiClient user = newUser();
        UUID id = connect(user, account(ExchangeId.KRAKEN).setBalance("XXBT", dec("1"), dec("0")));
        ApiClient.Response patched = user.patch(BASE + "/connections/" + id,
                ApiClient.json("label", "Cold storage <b>", "autoSync", false, "syncInterval", 3600));
        assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
        assertThat(patched.text("label")).isEqualTo("Cold storage <b>");
        assertThat(patched.body().get("autoSync").asBoolean()).isFalse();
        assertThat(patched.body().get("syncInterval").asInt()).isEqualTo(3600);
    }

    @Test
    void listingNeverShowsSecretsOrCiphertexts() {
        ApiClient user = newUser();
        EmulatedAccount account = account(ExchangeId.KUCOIN).setBalance("BTC", dec("1"), dec("0"));
        UUID id = connect(user, account);
        awaitRuns(id, 1);
        ApiClient.Response list = user.get(BASE + "/connections");
        JsonNode connection = list.body().get("connections").get(0);
        assertThat(connection.fieldNames()).toIterable().contains("id", "exchange", "label", "status", "lastSyncAt",
                "lastError", "autoSync", "createdAt", "syncInterval", "nextSyncAt", "apiKeyHint");
        assertThat(list.raw()).doesNotContain(account.apiKey()).doesNotContain(account.apiSecret())
                .doesNotContain(account.passphrase()).doesNotContain("v1:");
        assertThat(user.get(BASE + "/connections/" + id).raw()).doesNotContain(account.apiSecret()).doesNotContain("v1:");
    }
}

package io.coinsphere.exchangesync.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.emulator.Failure;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
                + "{\"id\":\"coinbase\",\"name\":\"Coinbase Exchange\",\"requiresPassphrase\":true},"
                + "{\"id\":\"kraken\",\"name\":\"Kraken\",\"requiresPassphrase\":false},"
                + "{\"id\":\"kucoin\",\"name\":\"KuCoin\",\"requiresPassphrase\":true},"
                + "{\"id\":\"coinbase-advanced\",\"name\":\"Coinbase\",\"requiresPassphrase\":false},"
                + "{\"id\":\"okx\",\"name\":\"OKX\",\"requiresPassphrase\":true},"
                + "{\"id\":\"bybit\",\"name\":\"Bybit\",\"requiresPassphrase\":false},"
                + "{\"id\":\"bitstamp\",\"name\":\"Bitstamp\",\"requiresPassphrase\":false},"
                + "{\"id\":\"gemini\",\"name\":\"Gemini\",\"requiresPassphrase\":false}]}");
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

    @Test
    void httpLevelErrorsUseTheJsonErrorBodyToo() {
        ApiClient user = newUser();
        assertError(user.sendRaw("POST", BASE + "/connect", "{\"exchange\":\"binance\"}", "text/plain"),
                415, "unsupported_media_type");
        assertError(user.sendRaw("POST", BASE + "/connections/" + UUID.randomUUID() + "/sync", "x=1",
                "application/x-www-form-urlencoded"), 415, "unsupported_media_type");
        assertError(user.sendRaw("POST", "/api/v1/auth/login", "{}", "application/json; charset=utf-16"),
                415, "unsupported_media_type");
        ApiClient.Response wrongMethod = user.delete(BASE + "/supported");
        assertError(wrongMethod, 405, "method_not_allowed");
        assertThat(wrongMethod.http().headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
        assertError(user.get("/api/v1/no-such-thing"), 404, "not_found");
        assertError(user.get(BASE + "/connections/" + UUID.randomUUID() + "/nothing"), 404, "not_found");
        assertError(raw("GET", BASE + "/connections", user.token(), "text/html", null), 406, "not_acceptable");
        // Refused by the web server before any route: an encoded slash and a NUL in the path.
        assertError(raw("GET", BASE + "/connections/..%2F..%2Fetc%2Fpasswd", user.token(), "application/json", null),
                400, "bad_request");
        assertError(raw("GET", BASE + "/connections/%00", user.token(), "application/json", null), 400, "bad_request");
    }

    @Test
    void aChunkedBodyOver64KiBIsRefusedBeforeItIsRead() {
        ApiClient user = newUser();
        byte[] big = ("{\"label\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertError(raw("POST", BASE + "/connect", user.token(), "application/json", big), 413, "payload_too_large");
        assertError(raw("POST", "/api/v1/auth/register", null, "application/json", big), 413, "payload_too_large");
        byte[] small = "{\"exchange\":\"mtgox\",\"apiKey\":\"k\",\"apiSecret\":\"s\"}".getBytes(StandardCharsets.UTF_8);
        ApiClient.Response readable = raw("POST", BASE + "/test", user.token(), "application/json", small);
        assertError(readable, 400, "validation_failed");
        assertThat(readable.body().get("details").get(0).get("field").asText()).as("the chunked body was read").isEqualTo("exchange");
    }

    @Test
    void labelsAreUnicodeTextWithoutControlCharactersAndNeverBlank() {
        ApiClient user = newUser();
        UUID id = connect(user, account(ExchangeId.BINANCE).setBalance("BTC", dec("1"), dec("0")));
        String path = BASE + "/connections/" + id;
        for (String label : new String[] {"", "   ", "a\\u0000b", "tab\\tlabel", "forged\\nlog line", "\\ud800", "\\u001b[31m"}) {
            ApiClient.Response refused = user.sendRaw("PATCH", path, "{\"label\":\"" + label + "\"}", "application/json");
            assertError(refused, 400, "validation_failed");
            assertThat(refused.body().get("details").get(0).get("field").asText()).isEqualTo("label");
        }
        String stored = "Cold \u202Ewallet \uD83D\uDE00 \u05E9\u05DC\u05D5\u05DD <script>";
        ApiClient.Response patched = user.patch(path, ApiClient.json("label", stored));
        assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
        assertThat(user.get(path).body().get("connection").get("label").asText()).as("stored exactly").isEqualTo(stored);
        assertThat(jdbc.queryForObject("SELECT label FROM exchange_connections WHERE id = ?", String.class, id)).isEqualTo(stored);
    }

    @Test
    void typesAreStrictAndUnknownFieldsAreIgnored() {
        ApiClient user = newUser();
        UUID id = connect(user, account(ExchangeId.KRAKEN).setBalance("XXBT", dec("1"), dec("0")));
        String path = BASE + "/connections/" + id;
        for (String body : new String[] {"{\"syncInterval\":\"3600\"}", "{\"syncInterval\":3600.5}", "{\"autoSync\":\"false\"}",
            "{\"label\":42}", "{\"label\":\"a\",\"label\":\"b\"}", "{\"label\":\"a\"} {}"}) {
            assertError(user.sendRaw("PATCH", path, body, "application/json"), 400, "validation_failed");
        }
        ApiClient.Response extra = user.sendRaw("PATCH", path, "{\"syncInterval\":3600,\"userId\":\"" + UUID.randomUUID()
                + "\",\"status\":\"active\"}", "application/json");
        assertThat(extra.status()).as(extra.raw()).isEqualTo(200);
        assertThat(extra.body().get("syncInterval").asInt()).isEqualTo(3600);
        assertError(user.post(BASE + "/test", ApiClient.json("exchange", "binance", "apiKey", "has space inside",
                "apiSecret", "s")), 400, "validation_failed");
    }

    /** A request the plain client cannot make: any Accept, and a body streamed in chunks without a length. */
    private ApiClient.Response raw(String method, String path, String token, String accept, byte[] chunkedBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", accept)
                .method(method, chunkedBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(chunkedBody)));
        if (chunkedBody != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiClient.Response(response.statusCode(), new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()),
                    response.body(), response);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

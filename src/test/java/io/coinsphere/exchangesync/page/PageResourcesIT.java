package io.coinsphere.exchangesync.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.support.IntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the page is served with and the API calls it builds on (the seed's API cases), over plain
 * HTTP: paths, security headers, no inline script anywhere.
 */
class PageResourcesIT extends IntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path STATIC = Path.of("src/main/resources/static");

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pagesAndAssetsArePublicWithStrictSecurityHeaders() throws Exception {
        for (String path : List.of("/", "/exchanges", "/assets/app.css", "/assets/js/exchanges.js", "/assets/favicon.svg")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).hasValue(
                    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
        }
        assertThat(get("/").body()).contains("<title>Sign in · Coinsphere</title>");
        assertThat(get("/exchanges").body()).contains("<title>Exchange connections · Coinsphere</title>");
        assertThat(get("/assets/js/exchanges.js").headers().firstValue("Content-Type").orElse("")).contains("javascript");
        assertThat(get("/api/v1/exchanges/connections").statusCode()).as("the API stays protected").isEqualTo(401);
        assertThat(get("/assets/../application.yaml").statusCode()).isNotEqualTo(200);
    }

    @Test
    void noInlineScriptOrHandlerAndNoHtmlFromData() throws IOException {
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
        Pattern inlineHandler = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
        Pattern inlineStyle = Pattern.compile("\\sstyle\\s*=|<style", Pattern.CASE_INSENSITIVE);
        Pattern htmlSink = Pattern.compile("innerHTML|outerHTML|insertAdjacentHTML|document\\.write");
        try (Stream<Path> files = Files.walk(STATIC)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            assertThat(all).isNotEmpty();
            for (Path file : all) {
                String text = Files.readString(file);
                if (file.toString().endsWith(".html")) {
                    assertThat(inlineScript.matcher(text).find()).as(file + " has an inline script").isFalse();
                    assertThat(inlineHandler.matcher(text).find()).as(file + " has an inline handler").isFalse();
                    assertThat(inlineStyle.matcher(text).find()).as(file + " has an inline style").isFalse();
                }
                if (file.toString().endsWith(".js")) {
                    assertThat(htmlSink.matcher(text).find()).as(file + " writes HTML").isFalse();
                }
            }
        }
    }

    // The seed's API cases, as the page calls them.

    @Test
    void supportedExchanges() {
        ApiClient.Response response = newUser().get("/api/v1/exchanges/supported");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("exchanges").findValuesAsText("id")).containsExactly("binance", "coinbase", "kraken", "kucoin",
                "coinbase-advanced", "okx", "bybit", "bitstamp", "gemini");
        assertThat(response.body().get("exchanges").findValuesAsText("requiresPassphrase"))
                .containsExactly("false", "true", "false", "true", "false", "true", "false", "false", "false");
    }

    @Test
    void invalidCredentialsAreRejected() {
        ApiClient.Response response = newUser().post("/api/v1/exchanges/test",
                ApiClient.json("exchange", "binance", "apiKey", "not-a-key-1234", "apiSecret", "not-a-secret-1234"));
        assertThat(response.status()).as(response.raw()).isEqualTo(422);
        assertThat(response.text("error")).isEqualTo("invalid_credentials");
        assertThat(response.text("message")).isNotBlank();
    }

    @Test
    void apiKeyIsRequired() {
        EmulatedAccount account = account(ExchangeId.BINANCE);
        ApiClient.Response response = newUser().post("/api/v1/exchanges/test",
                ApiClient.json("exchange", "binance", "apiSecret", account.apiSecret()));
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.text("error")).isEqualTo("validation_failed");
        assertThat(response.body().get("details").findValuesAsText("field")).containsExactly("apiKey");
    }

    @Test
    void aNewUserHasNoConnections() {
        ApiClient.Response response = newUser().get("/api/v1/exchanges/connections");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("connections").isArray()).isTrue();
        assertThat(response.body().get("connections")).isEmpty();
        assertThat(newUser().get("/api/v1/holdings").body().get("holdings")).isEmpty();
    }
}

package io.coinsphere.exchangesync.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coinsphere.exchangesync.exchange.ApiCredentials;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.coinbaseadvanced.CdpJwt;
import io.coinsphere.exchangesync.exchange.coinbaseadvanced.CdpKey;
import io.coinsphere.exchangesync.exchange.signing.BinanceSignature;
import io.coinsphere.exchangesync.exchange.signing.BitstampSignature;
import io.coinsphere.exchangesync.exchange.signing.BybitSignature;
import io.coinsphere.exchangesync.exchange.signing.CoinbaseSignature;
import io.coinsphere.exchangesync.exchange.signing.GeminiSignature;
import io.coinsphere.exchangesync.exchange.signing.KrakenSignature;
import io.coinsphere.exchangesync.exchange.signing.KucoinSignature;
import io.coinsphere.exchangesync.exchange.signing.OkxSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Builds requests signed the way each real exchange wants, using our signing classes, and sends them. */
final class SignedRequests {

    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final AtomicLong NONCE = new AtomicLong(System.currentTimeMillis() * 1000);

    private SignedRequests() {
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long now() {
        return System.currentTimeMillis();
    }

    /** A nonce bigger than every earlier one in this JVM. */
    static long nonce() {
        return NONCE.incrementAndGet();
    }

    /** The balance request of each exchange, correctly signed for {@code account}. */
    static HttpRequest balances(ExchangeEmulator emu, EmulatedAccount account) {
        URI base = emu.baseUrl(account.exchange());
        return switch (account.exchange()) {
            case BINANCE -> binanceGet(base, "/api/v3/account", account.apiKey(), account.apiSecret(), "", now());
            case KRAKEN -> krakenPost(base, "/0/private/Balance", account.apiKey(), account.apiSecret(), nonce(), "");
            case COINBASE -> coinbaseGet(base, "/accounts", account.apiKey(), account.apiSecret(), account.passphrase(),
                    now() / 1000);
            case KUCOIN -> kucoinGet(base, "/api/v1/accounts", account.apiKey(), account.apiSecret(),
                    KucoinSignature.passphrase(account.apiSecret(), account.passphrase()), "2", now()).build();
            case COINBASE_ADVANCED -> cdpGet(base, "/api/v3/brokerage/accounts", "", account.apiKey(), account.apiSecret(),
                    now() / 1000).build();
            case OKX -> okxGet(base, "/api/v5/account/balance", account.apiKey(), account.apiSecret(), account.passphrase(),
                    now()).build();
            case BYBIT -> bybitGet(base, "/v5/account/wallet-balance", "accountType=UNIFIED", account.apiKey(), account.apiSecret(),
                    now()).build();
            case BITSTAMP -> bitstampPost(base, BitstampEmulator.BALANCES, account.apiKey(), account.apiSecret(),
                    UUID.randomUUID().toString(), now());
            case GEMINI -> geminiPost(base, "/v1/balances", account.apiKey(), account.apiSecret(),
                    geminiNonce(account.apiKey()));
        };
    }

    private static final Map<String, AtomicLong> GEMINI_NONCES = new ConcurrentHashMap<>();

    /** Seconds, above every earlier Gemini nonce of the key in this JVM (a key's nonces must increase). */
    static long geminiNonce(String apiKey) {
        long now = now() / 1000;
        return GEMINI_NONCES.computeIfAbsent(apiKey, k -> new AtomicLong()).updateAndGet(previous -> Math.max(now, previous + 1));
    }

    /** Gemini POST with the payload in a header, signed with HMAC-SHA384. */
    static HttpRequest geminiPost(URI base, String path, String apiKey, String secret, long nonce) {
        String payload = GeminiSignature.encode(GeminiSignature.payloadJson(path, nonce));
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "text/plain")
                .header("X-GEMINI-APIKEY", apiKey)
                .header("X-GEMINI-PAYLOAD", payload)
                .header("X-GEMINI-SIGNATURE", GeminiSignature.sign(secret, payload))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    /** Bitstamp v2-signed POST without a body (so without a Content-Type). */
    static HttpRequest bitstampPost(URI base, String path, String apiKey, String secret, String nonce, long timestampMillis) {
        String timestamp = Long.toString(timestampMillis);
        String host = base.getHost() + ":" + base.getPort();
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("X-Auth", "BITSTAMP " + apiKey)
                .header("X-Auth-Signature", BitstampSignature.sign(secret, apiKey, "POST", host, path, "", null, nonce, timestamp, ""))
                .header("X-Auth-Nonce", nonce)
                .header("X-Auth-Timestamp", timestamp)
                .header("X-Auth-Version", "v2")
                .POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    /** Bybit v5 GET signed over timestamp + key + recv window + query string. */
    static HttpRequest.Builder bybitGet(URI base, String path, String query, String apiKey, String secret, long millis) {
        String timestamp = Long.toString(millis);
        return HttpRequest.newBuilder(URI.create(base + path + "?" + query))
                .header("X-BAPI-API-KEY", apiKey)
                .header("X-BAPI-TIMESTAMP", timestamp)
                .header("X-BAPI-RECV-WINDOW", "5000")
                .header("X-BAPI-SIGN", BybitSignature.sign(secret, timestamp, apiKey, "5000", query)).GET();
    }

    /** OKX v5 GET signed over timestamp + method + path with query. */
    static HttpRequest.Builder okxGet(URI base, String pathWithQuery, String apiKey, String secret, String passphrase, long millis) {
        String timestamp = OkxSignature.timestamp(millis);
        return HttpRequest.newBuilder(URI.create(base + pathWithQuery))
                .header("OK-ACCESS-KEY", apiKey)
                .header("OK-ACCESS-SIGN", OkxSignature.sign(secret, timestamp, "GET", pathWithQuery, ""))
                .header("OK-ACCESS-TIMESTAMP", timestamp)
                .header("OK-ACCESS-PASSPHRASE", passphrase).GET();
    }

    /** Coinbase Advanced Trade GET with a JWT from our signer; {@code query} is left out of the signed uri. */
    static HttpRequest.Builder cdpGet(URI base, String path, String query, String keyName, String privateKey, long nowSeconds) {
        CdpKey key = CdpKey.of(new ApiCredentials(keyName, privateKey, null));
        String token = CdpJwt.sign(key, CdpJwt.uri("GET", base, path), nowSeconds);
        return HttpRequest.newBuilder(URI.create(base + path + (query.isEmpty() ? "" : "?" + query)))
                .header("Authorization", "Bearer " + token).GET();
    }

    static HttpRequest binanceGet(URI base, String path, String apiKey, String secret, String params, long timestamp) {
        String query = (params.isEmpty() ? "" : params + "&") + "timestamp=" + timestamp;
        String signature = BinanceSignature.sign(secret, query);
        return HttpRequest.newBuilder(URI.create(base + path + "?" + query + "&signature=" + signature))
                .header("X-MBX-APIKEY", apiKey).GET().build();
    }

    static HttpRequest krakenPost(URI base, String path, String apiKey, String secret, long nonce, String extraParams) {
        String body = "nonce=" + nonce + extraParams;
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("API-Key", apiKey)
                .header("API-Sign", KrakenSignature.sign(secret, path, Long.toString(nonce), body))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static HttpRequest coinbaseGet(URI base, String path, String apiKey, String secret, String passphrase,
                                   long epochSeconds) {
        String timestamp = Long.toString(epochSeconds);
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("CB-ACCESS-KEY", apiKey)
                .header("CB-ACCESS-SIGN", CoinbaseSignature.sign(secret, timestamp, "GET", path, ""))
                .header("CB-ACCESS-TIMESTAMP", timestamp)
                .header("CB-ACCESS-PASSPHRASE", passphrase)
                .GET().build();
    }

    /** KuCoin GET; {@code keyVersion} null leaves the header out. */
    static HttpRequest.Builder kucoinGet(URI base, String pathWithQuery, String apiKey, String secret,
                                         String passphraseHeader, String keyVersion, long timestampMillis) {
        String timestamp = Long.toString(timestampMillis);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + pathWithQuery))
                .header("KC-API-KEY", apiKey)
                .header("KC-API-SIGN", KucoinSignature.sign(secret, timestamp, "GET", pathWithQuery, ""))
                .header("KC-API-TIMESTAMP", timestamp)
                .header("KC-API-PASSPHRASE", passphraseHeader)
                .GET();
        if (keyVersion != null) {
            builder.header("KC-API-KEY-VERSION", keyVersion);
        }
        return builder;
    }
}

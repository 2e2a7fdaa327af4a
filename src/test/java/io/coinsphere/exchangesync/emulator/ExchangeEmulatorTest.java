package io.coinsphere.exchangesync.emulator;

import static io.coinsphere.exchangesync.emulator.SignedRequests.balances;
import static io.coinsphere.exchangesync.emulator.SignedRequests.json;
import static io.coinsphere.exchangesync.emulator.SignedRequests.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Scripted failures, counters, latency and ports, across all four exchanges. */
class ExchangeEmulatorTest extends EmulatorTestBase {

    @ParameterizedTest
    @EnumSource(ExchangeId.class)
    void acceptsACorrectlySignedBalanceRequest(ExchangeId exchange) {
        EmulatedAccount account = emu.addAccount(exchange).setBalance("XYZ", new BigDecimal("0.00000001"), BigDecimal.ZERO);

        HttpResponse<String> response = send(balances(emu, account));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"0.00000001\"").doesNotContain("1E-8");
    }

    @ParameterizedTest
    @EnumSource(ExchangeId.class)
    void serverErrorsAreScopedToOneKey(ExchangeId exchange) {
        EmulatedAccount failing = emu.addAccount(exchange);
        EmulatedAccount healthy = emu.addAccount(exchange);
        emu.failNext(exchange, failing.apiKey(), 2, Failure.serverError(503));

        assertThat(send(balances(emu, healthy)).statusCode()).isEqualTo(200);
        HttpResponse<String> first = send(balances(emu, failing));
        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(send(balances(emu, failing)).statusCode()).isEqualTo(503);
        assertThat(send(balances(emu, failing)).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(ExchangeId.class)
    void rateLimitAnswers429WithRetryAfterAndTheExchangesBody(ExchangeId exchange) {
        EmulatedAccount account = emu.addAccount(exchange);
        emu.failNext(exchange, account.apiKey(), 1, Failure.rateLimited(Duration.ofMillis(1_500)));

        HttpResponse<String> response = send(balances(emu, account));

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
        String expectedBody = switch (exchange) {
            case BINANCE -> "\"code\":-1003";
            case KRAKEN -> "{\"error\":[\"EAPI:Rate limit exceeded\"]}";
            case COINBASE -> "{\"message\":\"rate limit exceeded\"}";
            case KUCOIN -> "\"code\":\"429000\"";
            case COINBASE_ADVANCED -> "\"error\":\"RATE_LIMIT_EXCEEDED\"";
            case OKX -> "\"code\":\"50011\"";
            case BYBIT -> "\"retCode\":10006";
            case BITSTAMP -> "\"response_code\":\"400.002\"";
            case GEMINI -> "\"reason\":\"RateLimit\"";
        };
        assertThat(response.body()).contains(expectedBody);
    }

    @ParameterizedTest
    @EnumSource(ExchangeId.class)
    void malformedJsonIsA200ThatDoesNotParse(ExchangeId exchange) {
        EmulatedAccount account = emu.addAccount(exchange);
        emu.failNext(exchange, account.apiKey(), 1, Failure.malformedJson());

        HttpResponse<String> response = send(balances(emu, account));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> new ObjectMapper().readTree(response.body())).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void aTimeoutHoldsTheRequestPastTheClientsReadTimeoutWithoutBlockingOthers() throws Exception {
        EmulatedAccount account = emu.addAccount(ExchangeId.KRAKEN);
        emu.failNext(ExchangeId.KRAKEN, account.apiKey(), 1, Failure.timeout(Duration.ofSeconds(5)));
        HttpRequest held = HttpRequest.newBuilder(balances(emu, account), (name, value) -> true)
                .timeout(Duration.ofMillis(500)).build();

        long start = System.nanoTime();
        assertThatThrownBy(() -> SignedRequests.CLIENT.send(held, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(send(balances(emu, account)).statusCode()).isEqualTo(200);
    }

    @Test
    void failAlwaysLastsUntilTheKeysFailuresAreCleared() {
        EmulatedAccount account = emu.addAccount(ExchangeId.BINANCE);
        emu.failAlways(ExchangeId.BINANCE, account.apiKey(), Failure.serverError(502));

        assertThat(IntStream.range(0, 3).map(i -> send(balances(emu, account)).statusCode())).containsOnly(502);

        emu.clearFailures(ExchangeId.BINANCE, account.apiKey());
        assertThat(send(balances(emu, account)).statusCode()).isEqualTo(200);
    }

    @Test
    void exchangeWideFailuresHitEveryRequestIncludingPublicOnes() {
        try (ExchangeEmulator own = ExchangeEmulator.start()) {
            own.failNext(ExchangeId.COINBASE, 1, Failure.serverError(500));

            assertThat(send(HttpRequest.newBuilder(own.baseUrl(ExchangeId.COINBASE).resolve("/time")).build())
                    .statusCode()).isEqualTo(500);
            assertThat(send(HttpRequest.newBuilder(own.baseUrl(ExchangeId.COINBASE).resolve("/time")).build())
                    .statusCode()).isEqualTo(200);
        }
    }

    @Test
    void countsRequestsPerExchangeAndPerKeyIncludingFailedOnes() {
        try (ExchangeEmulator own = ExchangeEmulator.start()) {
            EmulatedAccount a = own.addAccount(ExchangeId.KUCOIN);
            EmulatedAccount b = own.addAccount(ExchangeId.KUCOIN);
            own.failNext(ExchangeId.KUCOIN, a.apiKey(), 1, Failure.serverError(503));
            send(balances(own, a));
            send(balances(own, a));
            send(balances(own, b));
            send(HttpRequest.newBuilder(own.baseUrl(ExchangeId.KUCOIN).resolve("/api/v1/timestamp")).build());

            assertThat(own.requestCount(ExchangeId.KUCOIN)).isEqualTo(4);
            assertThat(own.requestCount(ExchangeId.KUCOIN, a.apiKey())).isEqualTo(2);
            assertThat(own.requestCount(ExchangeId.KUCOIN, b.apiKey())).isEqualTo(1);
            assertThat(own.requestCount(ExchangeId.BINANCE)).isZero();

            own.resetCounters();
            assertThat(own.requestCount(ExchangeId.KUCOIN)).isZero();
            assertThat(own.requestCount(ExchangeId.KUCOIN, a.apiKey())).isZero();
        }
    }

    @Test
    void latencyDelaysAnswersButNotInSeries() {
        try (ExchangeEmulator own = ExchangeEmulator.start()) {
            own.setLatency(ExchangeId.BINANCE, Duration.ofMillis(400));
            HttpRequest time = HttpRequest.newBuilder(own.baseUrl(ExchangeId.BINANCE).resolve("/api/v3/time")).build();

            long start = System.nanoTime();
            List<Integer> statuses = IntStream.range(0, 10)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> send(time).statusCode()))
                    .toList().stream().map(CompletableFuture::join).toList();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

            assertThat(statuses).containsOnly(200);
            assertThat(elapsed).isBetween(Duration.ofMillis(400), Duration.ofMillis(2_500));
        }
    }

    @Test
    void startsOnFixedPortsWhenAsked() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        try (ExchangeEmulator own = ExchangeEmulator.start(Map.of(ExchangeId.KRAKEN, port))) {
            assertThat(own.baseUrl(ExchangeId.KRAKEN).toString()).isEqualTo("http://127.0.0.1:" + port);
            assertThat(own.port(ExchangeId.BINANCE)).isPositive().isNotEqualTo(port);
            assertThat(json(send(HttpRequest.newBuilder(own.baseUrl(ExchangeId.KRAKEN).resolve("/0/public/Time")).build()))
                    .get("error")).isEmpty();
        }
    }

    @Test
    void removedKeysAreUnknownAgain() {
        EmulatedAccount account = emu.addAccount(ExchangeId.COINBASE);
        emu.removeAccount(ExchangeId.COINBASE, account.apiKey());

        assertThat(send(balances(emu, account)).statusCode()).isEqualTo(401);
        assertThat(emu.account(ExchangeId.COINBASE, account.apiKey())).isEmpty();
    }

    @Test
    void passphraseExchangesRefuseAccountsWithoutOne() {
        assertThatThrownBy(() -> emu.addAccount(ExchangeId.KUCOIN, "key", "secret", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Failure.serverError(404)).isInstanceOf(IllegalArgumentException.class);
    }
}

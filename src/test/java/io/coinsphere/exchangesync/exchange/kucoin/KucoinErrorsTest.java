package io.coinsphere.exchangesync.exchange.kucoin;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.exchange.CredentialsRejected;
import io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason;
import io.coinsphere.exchangesync.exchange.ExchangeFailure;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.RateLimited;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KucoinErrorsTest {

    @ParameterizedTest
    @CsvSource({
            "400001, OTHER", "400002, CLOCK_SKEW", "400003, UNKNOWN_KEY", "400004, BAD_PASSPHRASE",
            "400005, BAD_SIGNATURE", "400006, IP_NOT_ALLOWED", "400007, MISSING_PERMISSION",
            "400008, KEY_VERSION", "400009, KEY_VERSION"})
    void credentialErrors(String code, Reason reason) {
        assertThat(translate(401, "{\"code\":\"" + code + "\",\"msg\":\"whatever\"}", Map.of()))
                .isInstanceOfSatisfying(CredentialsRejected.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageStartingWith("KuCoin");
    }

    @Test
    void rateLimitUsesTheGatewayResetHeader() {
        assertThat(translate(429, "{\"code\":\"429000\",\"msg\":\"Too Many Requests\"}",
                Map.of("gw-ratelimit-reset", List.of("1500"))))
                .isInstanceOfSatisfying(RateLimited.class, e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMillis(1500)));
        assertThat(translate(429, "{\"code\":\"429000\"}", Map.of("Retry-After", List.of("3"), "gw-ratelimit-reset", List.of("29000"))))
                .isInstanceOfSatisfying(RateLimited.class, e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3)));
        assertThat(translate(429, "", Map.of())).isInstanceOf(RateLimited.class);
    }

    @Test
    void serverErrorsAndUnreadableBodiesAreTransient() {
        assertThat(translate(503, "<html>down</html>", Map.of())).isInstanceOf(ExchangeUnavailable.class);
        assertThat(translate(500, "{\"code\":\"500000\",\"msg\":\"Internal Server Error\"}", Map.of()))
                .isInstanceOf(ExchangeUnavailable.class);
    }

    @Test
    void errorCodeInsideAnOkAnswer() {
        assertThat(KucoinErrors.fromUnsuccessfulBody("400003", "KC-API-KEY not exists"))
                .isInstanceOfSatisfying(CredentialsRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_KEY));
        assertThat(KucoinErrors.fromUnsuccessfulBody("123456", "odd")).isInstanceOf(ExchangeUnavailable.class)
                .hasMessageContaining("123456");
    }

    private static ExchangeFailure translate(int status, String body, Map<String, List<String>> headers) {
        return KucoinErrors.fromAnswer(status, body, headers);
    }
}

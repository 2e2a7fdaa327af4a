package io.coinsphere.exchangesync.exchange.binance;

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

class BinanceErrorsTest {

    @ParameterizedTest
    @CsvSource({
            "401, -2015, UNKNOWN_KEY", "401, -2014, UNKNOWN_KEY", "400, -1022, BAD_SIGNATURE",
            "400, -1021, CLOCK_SKEW", "401, -1002, MISSING_PERMISSION"})
    void credentialErrors(int status, int code, Reason reason) {
        assertThat(translate(status, code, Map.of()))
                .isInstanceOfSatisfying(CredentialsRejected.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageStartingWith("Binance");
    }

    @Test
    void ipAllowListIsNamedInTheUnknownKeyMessage() {
        assertThat(translate(401, -2015, Map.of())).hasMessageContaining("IP").hasMessageContaining("Enable Reading");
    }

    @Test
    void rateLimitAndBanCarryRetryAfter() {
        assertThat(translate(429, -1003, Map.of("Retry-After", List.of("30"))))
                .isInstanceOfSatisfying(RateLimited.class, e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30)));
        assertThat(translate(418, -1003, Map.of("Retry-After", List.of("120"))))
                .isInstanceOfSatisfying(RateLimited.class, e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120)));
        assertThat(translate(418, 0, Map.of("retry-after", List.of("120"))))
                .isInstanceOfSatisfying(RateLimited.class, e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120)));
    }

    @Test
    void serverErrorsUnreadableBodiesAndTimeoutsAreTransient() {
        assertThat(translate(503, -1001, Map.of())).isInstanceOf(ExchangeUnavailable.class);
        assertThat(BinanceErrors.fromAnswer(502, "<html>bad gateway</html>", Map.of())).isInstanceOf(ExchangeUnavailable.class);
    }

    private static ExchangeFailure translate(int status, int code, Map<String, List<String>> headers) {
        return BinanceErrors.fromAnswer(status, "{\"code\":" + code + ",\"msg\":\"some message\"}", headers);
    }
}

package io.coinsphere.exchangesync.exchange.coinbase;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.exchange.CredentialsRejected;
import io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason;
import io.coinsphere.exchangesync.exchange.ExchangeFailure;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.RateLimited;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoinbaseErrorsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "401 | Invalid API Key | UNKNOWN_KEY",
            "401 | Invalid Passphrase | BAD_PASSPHRASE",
            "401 | invalid signature | BAD_SIGNATURE",
            "400 | invalid signature | BAD_SIGNATURE",
            "400 | request timestamp expired | CLOCK_SKEW",
            "401 | request timestamp expired | CLOCK_SKEW",
            "403 | Forbidden | MISSING_PERMISSION",
            "401 | Unauthorized. | OTHER"})
    void credentialErrors(int status, String message, Reason reason) {
        assertThat(translate(status, message))
                .isInstanceOfSatisfying(CredentialsRejected.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageStartingWith("Coinbase");
    }

    @Test
    void rateLimitServerErrorsAndConnectionFailures() {
        assertThat(translate(429, "Slow down")).isInstanceOf(RateLimited.class);
        assertThat(translate(500, "Internal server error")).isInstanceOf(ExchangeUnavailable.class);
        assertThat(translate(503, null)).isInstanceOf(ExchangeUnavailable.class);
        assertThat(CoinbaseErrors.fromAnswer(502, "<html>bad gateway</html>", Map.of())).isInstanceOf(ExchangeUnavailable.class);
    }

    private static ExchangeFailure translate(int status, String message) {
        return CoinbaseErrors.fromAnswer(status, message == null ? "" : "{\"message\":\"" + message + "\"}", Map.of());
    }
}

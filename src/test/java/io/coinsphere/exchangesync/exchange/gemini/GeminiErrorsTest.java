package io.coinsphere.exchangesync.exchange.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason;
import io.coinsphere.exchangesync.exchange.ErrorCodeCases;
import io.coinsphere.exchangesync.exchange.ExchangeFailure;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.RateLimited;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeminiErrorsTest {

    private static ExchangeFailure answer(int status, String reason) {
        return GeminiErrors.fromResponse(status, "{\"result\":\"error\",\"reason\":\"" + reason + "\",\"message\":\"m\"}", Map.of());
    }

    @Test
    void eachReasonHasItsOwnReasonCodeAndMessage() {
        Map<String, Reason> expected = Map.of("InvalidApiKey", Reason.UNKNOWN_KEY, "InvalidSignature", Reason.BAD_SIGNATURE,
                "InvalidNonce", Reason.CLOCK_SKEW, "MissingRole", Reason.MISSING_PERMISSION, "MissingApikeyHeader", Reason.OTHER);
        ErrorCodeCases.eachCodeHasItsReasonAndItsOwnMessage(expected, reason -> answer(reason.equals("MissingRole") ? 403 : 400, reason));
    }

    @Test
    void rateLimitAndOutages() {
        assertThat(GeminiErrors.fromResponse(429, "{\"result\":\"error\",\"reason\":\"RateLimit\",\"message\":\"m\"}",
                Map.of("Retry-After", List.of("4")))).isInstanceOfSatisfying(RateLimited.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(4)));
        assertThat(answer(503, "Maintenance")).isInstanceOfSatisfying(ExchangeUnavailable.class, e -> assertThat(e.isOutage()).isTrue());
        assertThat(GeminiErrors.fromResponse(502, "<html>bad gateway</html>", Map.of()))
                .isInstanceOfSatisfying(ExchangeUnavailable.class, e -> assertThat(e.isOutage()).isTrue());
    }
}

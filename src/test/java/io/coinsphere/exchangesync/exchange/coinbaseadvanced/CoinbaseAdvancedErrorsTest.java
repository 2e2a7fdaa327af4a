package io.coinsphere.exchangesync.exchange.coinbaseadvanced;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.exchange.CredentialsRejected;
import io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason;
import io.coinsphere.exchangesync.exchange.ExchangeFailure;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.ExchangesProperties;
import io.coinsphere.exchangesync.exchange.RateLimited;
import io.coinsphere.exchangesync.exchange.http.ExchangeHttp;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoinbaseAdvancedErrorsTest {

    @Test
    void eachRefusalGetsItsOwnReason() {
        assertThat(reason(401, detail("unknown API key"))).isEqualTo(Reason.UNKNOWN_KEY);
        assertThat(reason(401, detail("invalid signature"))).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(reason(401, detail("JWT expired"))).isEqualTo(Reason.CLOCK_SKEW);
        assertThat(reason(401, detail("JWT not yet valid"))).isEqualTo(Reason.CLOCK_SKEW);
        assertThat(reason(401, detail("IP address not in the allowlist of this API key"))).isEqualTo(Reason.IP_NOT_ALLOWED);
        assertThat(reason(403, detail("Missing required scopes"))).isEqualTo(Reason.MISSING_PERMISSION);
        assertThat(reason(401, "Unauthorized\n")).isEqualTo(Reason.OTHER);
        assertThat(reason(401, "")).isEqualTo(Reason.OTHER);
    }

    @Test
    void aBare401SaysWhatToCheckAndNeverEchoesATokenLikeText() {
        ExchangeFailure failure = CoinbaseAdvancedErrors.fromResponse(401,
                detail("bad token eyJhbGciOiJFUzI1NiJ9abcdefghijklmnop"), Map.of());
        assertThat(failure.getMessage()).contains("HTTP 401", "key name and the private key").doesNotContain("eyJhbGci");
    }

    @Test
    void rateLimitsServerErrorsAndTimeoutsAreTransient() {
        ExchangeFailure limited = CoinbaseAdvancedErrors.fromResponse(429, "{\"error\":\"RATE_LIMIT_EXCEEDED\"}",
                Map.of("retry-after", List.of("3")));
        assertThat(limited).isInstanceOfSatisfying(RateLimited.class, e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3)));
        assertThat(CoinbaseAdvancedErrors.fromResponse(503, "<html>", Map.of())).isInstanceOf(ExchangeUnavailable.class);
        ExchangeHttp http = new ExchangeHttp(ExchangeId.COINBASE_ADVANCED, ExchangesProperties.of(Duration.ofSeconds(1),
                Duration.ofSeconds(1), Map.of()));
        assertThat(http.transportFailure(new HttpTimeoutException("request timed out")))
                .isInstanceOf(ExchangeUnavailable.class).hasMessageContaining("in time");
    }

    private static Reason reason(int status, String body) {
        ExchangeFailure failure = CoinbaseAdvancedErrors.fromResponse(status, body, Map.of());
        assertThat(failure).isInstanceOf(CredentialsRejected.class);
        return ((CredentialsRejected) failure).reason();
    }

    private static String detail(String text) {
        return "{\"error\":\"UNAUTHORIZED\",\"error_details\":\"" + text + "\",\"message\":\"" + text + "\"}";
    }
}

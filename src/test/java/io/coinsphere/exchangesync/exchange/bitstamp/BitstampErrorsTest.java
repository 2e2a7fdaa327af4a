package io.coinsphere.exchangesync.exchange.bitstamp;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.exchange.CredentialsRejected;
import io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason;
import io.coinsphere.exchangesync.exchange.ErrorCodeCases;
import io.coinsphere.exchangesync.exchange.ExchangeFailure;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.RateLimited;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BitstampErrorsTest {

    private static ExchangeFailure answer(int status, String code, String reason) {
        return BitstampErrors.fromResponse(status, "{\"status\":\"error\",\"reason\":\"" + reason + "\",\"code\":\"" + code + "\"}", Map.of());
    }

    @Test
    void eachAuthenticationCodeHasItsReasonAndItsOwnMessage() {
        Map<String, Reason> expected = Map.of("API0001", Reason.UNKNOWN_KEY, "API0002", Reason.IP_NOT_ALLOWED,
                "API0003", Reason.MISSING_PERMISSION, "API0005", Reason.BAD_SIGNATURE, "API0017", Reason.CLOCK_SKEW,
                "API0006", Reason.OTHER, "API0009", Reason.OTHER);
        ErrorCodeCases.eachCodeHasItsReasonAndItsOwnMessage(expected, code -> answer(403, code, "x"));
        assertThat(answer(403, "API0011", "Wrong API key format")).isInstanceOfSatisfying(CredentialsRejected.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_KEY));
    }

    @Test
    void aRepeatedNonceIsTransientNotTheKeysFault() {
        assertThat(answer(403, "API0004", "Invalid nonce")).isInstanceOfSatisfying(ExchangeUnavailable.class,
                e -> assertThat(e.isOutage()).isFalse());
    }

    @Test
    void rateLimitIsRecognisedByItsResponseCodeWhateverTheStatus() {
        String body = "{\"status\":\"error\",\"reason\":\"Request rejected due to exceeded rate limit.\",\"response_code\":\"400.002\"}";
        assertThat(BitstampErrors.fromResponse(400, body, Map.of("Retry-After", List.of("7"))))
                .isInstanceOfSatisfying(RateLimited.class, e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
        assertThat(BitstampErrors.fromResponse(429, "", Map.of())).isInstanceOf(RateLimited.class);
    }

    @Test
    void outagesAreOutagesAndUnknownCodesNameTheCodeButNoToken() {
        assertThat(BitstampErrors.fromResponse(503, "<html>down</html>", Map.of())).isInstanceOfSatisfying(ExchangeUnavailable.class,
                e -> assertThat(e.isOutage()).isTrue());
        ExchangeFailure other = answer(403, "API0099", "key ABCDEFGHIJKLMNOPQRSTUVWXYZ123456 refused");
        assertThat(other).isInstanceOf(CredentialsRejected.class).hasMessageContaining("API0099")
                .hasMessageNotContaining("ABCDEFGHIJKLMNOPQRSTUVWXYZ123456");
    }
}

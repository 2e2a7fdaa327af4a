package io.coinsphere.exchangesync.exchange.bybit;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.exchange.CredentialsRejected;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.RateLimited;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BybitErrorsTest {

    private static final long NOW = 1_700_000_000_000L;

    @Test
    void eachKeyCodeHasItsReason() {
        assertThat(reason(10003)).isEqualTo(CredentialsRejected.Reason.UNKNOWN_KEY);
        assertThat(reason(33004)).isEqualTo(CredentialsRejected.Reason.UNKNOWN_KEY);
        assertThat(reason(10004)).isEqualTo(CredentialsRejected.Reason.BAD_SIGNATURE);
        assertThat(reason(10002)).isEqualTo(CredentialsRejected.Reason.CLOCK_SKEW);
        assertThat(reason(10010)).isEqualTo(CredentialsRejected.Reason.IP_NOT_ALLOWED);
        assertThat(reason(10005)).isEqualTo(CredentialsRejected.Reason.MISSING_PERMISSION);
    }

    @Test
    void theResetTimestampOnBybitsClockIsTheWait() {
        Map<String, List<String>> headers = Map.of("x-bapi-limit-reset-timestamp", List.of(Long.toString(NOW + 1_250)));
        assertThat(BybitErrors.fromResponse(200, 10006, "Too many visits!", headers, () -> NOW))
                .isInstanceOfSatisfying(RateLimited.class, e -> {
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofMillis(1_250));
                    assertThat(e.isWholeAddress()).isFalse();
                });
        assertThat(BybitErrors.fromResponse(200, 10006, "Too many visits!", Map.of(), () -> NOW))
                .isInstanceOfSatisfying(RateLimited.class, e -> assertThat(e.isRetryAfterStated()).isFalse());
    }

    @Test
    void theAddressBlockIsATenMinuteRateLimitAndServerTroubleAnOutage() {
        assertThat(BybitErrors.fromResponse(403, null, "", Map.of(), () -> NOW))
                .isInstanceOfSatisfying(RateLimited.class, e -> {
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(10));
                    assertThat(e.isWholeAddress()).isTrue();
                });
        assertThat(BybitErrors.fromResponse(200, 10016, "Internal system error.", Map.of(), () -> NOW))
                .isInstanceOfSatisfying(ExchangeUnavailable.class, e -> assertThat(e.isOutage()).isTrue());
        assertThat(BybitErrors.fromResponse(503, null, "", Map.of(), () -> NOW))
                .isInstanceOfSatisfying(ExchangeUnavailable.class, e -> assertThat(e.isOutage()).isTrue());
    }

    private static CredentialsRejected.Reason reason(int code) {
        return ((CredentialsRejected) BybitErrors.fromResponse(200, code, "", Map.of(), () -> NOW)).reason();
    }
}

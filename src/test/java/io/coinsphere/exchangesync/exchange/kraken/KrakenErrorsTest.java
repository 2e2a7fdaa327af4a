package io.coinsphere.exchangesync.exchange.kraken;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.exchange.CredentialsRejected;
import io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.RateLimited;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import io.coinsphere.exchangesync.exchange.http.ExchangeHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KrakenErrorsTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000);

    @ParameterizedTest
    @CsvSource({
            "EAPI:Invalid key, UNKNOWN_KEY",
            "EAPI:Invalid signature, BAD_SIGNATURE",
            "EGeneral:Permission denied, MISSING_PERMISSION"})
    void credentialErrors(String error, Reason reason) {
        assertThat(KrakenErrors.fromErrors(List.of(error), NOW, null))
                .isInstanceOfSatisfying(CredentialsRejected.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageStartingWith("Kraken");
    }

    @Test
    void rateLimitsThrottlingAndLockout() {
        assertThat(KrakenErrors.fromErrors(List.of("EAPI:Rate limit exceeded"), NOW, null)).isInstanceOf(RateLimited.class);
        assertThat(KrakenErrors.fromErrors(List.of("EService:Throttled:1700000045"), NOW, null))
                .isInstanceOfSatisfying(RateLimited.class, e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(45)));
        assertThat(KrakenErrors.fromErrors(List.of("EGeneral:Temporary lockout"), NOW, null)).isInstanceOf(RateLimited.class);
    }

    @Test
    void nonceAndServiceErrorsAreTransient() {
        assertThat(KrakenErrors.fromErrors(List.of("EAPI:Invalid nonce"), NOW, null))
                .isInstanceOf(ExchangeUnavailable.class).hasMessageContaining("another application");
        assertThat(KrakenErrors.fromErrors(List.of("EService:Unavailable"), NOW, null)).isInstanceOf(ExchangeUnavailable.class);
        assertThat(KrakenErrors.fromErrors(List.of("EGeneral:Something new"), NOW, null))
                .isInstanceOf(ExchangeUnavailable.class).hasMessageContaining("EGeneral:Something new");
        assertThat(KrakenErrors.fromErrors(List.of("EAPI:Invalid nonce"), NOW, null))
                .as("a nonce race is the key's, not Kraken's").isInstanceOfSatisfying(ExchangeUnavailable.class,
                        e -> assertThat(e.isOutage()).isFalse());
        assertThat(KrakenErrors.fromErrors(List.of("EService:Unavailable"), NOW, null))
                .isInstanceOfSatisfying(ExchangeUnavailable.class, e -> assertThat(e.isOutage()).isTrue());
    }

    @Test
    void readsTheErrorArrayFromNonOkAnswersAndFallsBackToTheStatus() {
        assertThat(KrakenErrors.fromAnswer(401, "{\"error\":[\"EAPI:Invalid key\"]}", Map.of()))
                .isInstanceOfSatisfying(CredentialsRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_KEY));
        assertThat(KrakenErrors.fromAnswer(503, "<html>", Map.of()))
                .isInstanceOf(ExchangeUnavailable.class);
        assertThat(KrakenErrors.fromAnswer(429, "", Map.of()))
                .isInstanceOf(RateLimited.class);
        assertThat(KrakenErrors.errorsIn(ExchangeHttp.objectOrEmpty("{\"error\":[\"WGeneral:Warning\",\"EAPI:Invalid key\"]}"))).containsExactly("EAPI:Invalid key");
    }
}

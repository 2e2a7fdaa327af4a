package io.coinsphere.exchangesync.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.UndeclaredThrowableException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailureTranslationTest {

    @Test
    void statusClasses() {
        assertThat(FailureTranslation.fromStatus(ExchangeId.BINANCE, 429, Map.of("retry-after", List.of("7")), null))
                .isInstanceOfSatisfying(RateLimited.class, r -> assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
        assertThat(FailureTranslation.fromStatus(ExchangeId.BINANCE, 418, Map.of(), null)).isInstanceOf(RateLimited.class);
        assertThat(FailureTranslation.fromStatus(ExchangeId.KRAKEN, 503, Map.of(), null))
                .isInstanceOf(ExchangeUnavailable.class).hasMessageContaining("Kraken").hasMessageContaining("503");
        assertThat(FailureTranslation.fromStatus(ExchangeId.KUCOIN, 401, Map.of(), null)).isInstanceOf(CredentialsRejected.class);
    }

    @Test
    void onlyServerErrorsAndBrokenConnectionsAreOutagesOfTheWholeExchange() {
        assertThat(outage(FailureTranslation.fromStatus(ExchangeId.KUCOIN, 503, Map.of(), null))).isTrue();
        assertThat(outage(FailureTranslation.fromTransport(ExchangeId.KRAKEN, new SocketTimeoutException("x")))).isTrue();
        assertThat(outage(FailureTranslation.fromTransport(ExchangeId.KRAKEN, new ConnectException("refused")))).isTrue();
        assertThat(outage(FailureTranslation.fromStatus(ExchangeId.KUCOIN, 400, Map.of(), null))).isFalse();
        assertThat(outage(FailureTranslation.fromTransport(ExchangeId.COINBASE,
                new UncheckedIOException(new JsonParseException(null, "x"))))).as("one account's odd answer").isFalse();
    }

    private static boolean outage(ExchangeFailure failure) {
        return failure instanceof ExchangeUnavailable unavailable && unavailable.isOutage();
    }

    @Test
    void transportErrorsAreTransient() {
        assertThat(FailureTranslation.fromTransport(ExchangeId.KRAKEN, new SocketTimeoutException("Read timed out")))
                .isInstanceOf(ExchangeUnavailable.class).hasMessageContaining("did not answer in time");
        assertThat(FailureTranslation.fromTransport(ExchangeId.KRAKEN,
                new UndeclaredThrowableException(new ConnectException("Connection refused"))))
                .isInstanceOf(ExchangeUnavailable.class).hasMessageStartingWith("Could not connect to Kraken");
        assertThat(FailureTranslation.fromTransport(ExchangeId.COINBASE,
                new UncheckedIOException(new JsonParseException(null, "Unexpected character"))))
                .isInstanceOf(ExchangeUnavailable.class).hasMessageContaining("could not read");
        assertThat(FailureTranslation.fromTransport(ExchangeId.COINBASE, new IOException("x")))
                .isInstanceOf(ExchangeUnavailable.class);
        assertThat(FailureTranslation.fromTransport(ExchangeId.COINBASE, new IllegalStateException("x")))
                .isInstanceOf(ExchangeUnavailable.class);
    }

    @Test
    void safeDetailRedactsTokenLikeRunsAndClips() {
        assertThat(FailureTranslation.safeDetail("bad key vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A"))
                .isEqualTo("bad key ***");
        assertThat(FailureTranslation.safeDetail("x".repeat(19) + " ".repeat(200) + "y")).hasSizeLessThanOrEqualTo(123);
        assertThat(FailureTranslation.detail(null)).isEmpty();
    }
}

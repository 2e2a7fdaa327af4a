package io.coinsphere.exchangesync.exchange.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.exchange.CredentialsRejected;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.ExchangesProperties;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExchangeHttpTest {

    private static ExchangeHttp http(ExchangeId id, String baseUrl) {
        return new ExchangeHttp(id, ExchangesProperties.of(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Map.of(id, ExchangesProperties.Endpoint.of(URI.create(baseUrl)))));
    }

    @ParameterizedTest
    @EnumSource(value = ExchangeId.class, names = {"COINBASE_ADVANCED", "OKX", "BYBIT", "BITSTAMP", "GEMINI"})
    void aTimeoutIsAnOutageNamedAfterTheExchange(ExchangeId id) {
        assertThat(http(id, "https://example.test").transportFailure(new HttpTimeoutException("request timed out")))
                .isInstanceOfSatisfying(ExchangeUnavailable.class, e -> assertThat(e.isOutage()).isTrue())
                .hasMessage(id.displayName() + " did not answer in time; the sync will retry later.");
    }

    @Test
    void ourOwnFailuresPassThroughAndOtherTransportErrorsAreTranslated() {
        ExchangeHttp http = http(ExchangeId.OKX, "https://example.test");
        CredentialsRejected own = new CredentialsRejected(CredentialsRejected.Reason.OTHER, "no");
        assertThat(http.transportFailure(own)).isSameAs(own);
        assertThat(http.transportFailure(new ConnectException("refused"))).isInstanceOfSatisfying(ExchangeUnavailable.class,
                e -> assertThat(e.isOutage()).isTrue()).hasMessageContaining("Could not connect to OKX");
        assertThat(http.transportFailure(new IOException(new com.fasterxml.jackson.core.JsonParseException(null, "bad"))))
                .isInstanceOfSatisfying(ExchangeUnavailable.class, e -> assertThat(e.isOutage()).isFalse())
                .hasMessageContaining("could not read");
    }

    @Test
    void theBaseUrlLosesItsTrailingSlash() {
        assertThat(http(ExchangeId.GEMINI, "https://api.example.test/").baseUrl()).hasToString("https://api.example.test");
    }

    @Test
    void unreadableOrEmptyAnswers() {
        ExchangeHttp http = http(ExchangeId.BITSTAMP, "https://example.test");
        assertThat(http.tree("").isMissingNode()).isTrue();
        assertThat(http.tree("{\"a\":0.1000000000000000001}").path("a").decimalValue()).hasToString("0.1000000000000000001");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> http.nonEmptyTree(" ")))
                .isInstanceOf(ExchangeUnavailable.class).hasMessageContaining("Bitstamp sent an empty answer");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> http.tree("{not json")))
                .isInstanceOf(ExchangeUnavailable.class).hasMessageContaining("could not read");
    }

    @Test
    void errorBodiesThatAreNoJsonObjectLeaveTheStatusToDecide() {
        assertThat(ExchangeHttp.objectOrNull("<html>bad gateway</html>")).isNull();
        assertThat(ExchangeHttp.objectOrNull("[1]")).isNull();
        assertThat(ExchangeHttp.objectOrNull(null)).isNull();
        assertThat(ExchangeHttp.objectOrEmpty("").isEmpty()).isTrue();
        assertThat(ExchangeHttp.objectOrEmpty("{\"code\":\"API0005\"}").path("code").asText()).isEqualTo("API0005");
    }
}

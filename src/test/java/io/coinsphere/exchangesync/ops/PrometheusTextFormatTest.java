package io.coinsphere.exchangesync.ops;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class PrometheusTextFormatTest {

    private static final String NATIVE_HISTOGRAMS = "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;"
            + "encoding=delimited;q=0.7,text/plain;version=0.0.4;q=0.3";

    @Test
    void protobufLeavesTheAcceptHeaderAndTheTextFormatsStay() {
        assertThat(PrometheusTextFormat.withoutProtobuf(NATIVE_HISTOGRAMS)).isEqualTo("text/plain;version=0.0.4;q=0.3");
        assertThat(PrometheusTextFormat.withoutProtobuf("application/vnd.google.protobuf;encoding=delimited, "
                + "application/openmetrics-text;version=1.0.0;q=0.5")).isEqualTo("application/openmetrics-text;version=1.0.0;q=0.5");
    }

    @Test
    void aScraperThatAsksForProtobufOnlyGetsPlainText() {
        assertThat(PrometheusTextFormat.withoutProtobuf("application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily"))
                .isEqualTo("text/plain;version=0.0.4");
    }

    @Test
    void theEndpointSeesTheTextFormatsOnly() throws Exception {
        assertThat(acceptSeenBy(NATIVE_HISTOGRAMS)).isEqualTo("text/plain;version=0.0.4;q=0.3");
    }

    @Test
    void anAcceptHeaderWithoutProtobufIsLeftAlone() throws Exception {
        assertThat(acceptSeenBy("application/openmetrics-text;version=1.0.0")).isEqualTo("application/openmetrics-text;version=1.0.0");
    }

    private static String acceptSeenBy(String accept) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
        request.addHeader("Accept", accept);
        AtomicReference<String> seen = new AtomicReference<>();
        new PrometheusTextFormat().doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            HttpServletRequest http = (HttpServletRequest) req;
            seen.set(http.getHeader("Accept"));
            assertThat(Collections.list(http.getHeaders("Accept"))).containsExactly(seen.get());
        });
        return seen.get();
    }
}

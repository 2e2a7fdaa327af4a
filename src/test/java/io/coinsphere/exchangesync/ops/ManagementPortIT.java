package io.coinsphere.exchangesync.ops;

import static io.coinsphere.exchangesync.ops.OpsHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.support.IntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * docs/operations.md offers the actuator endpoints on a port of their own: there they run in a management context of
 * their own, which the application's filters do not reach. The scrape token and the text-format answer must hold there.
 */
@TestPropertySource(properties = "management.server.port=0")
// A context of its own: closed after the class, so the suite's shared one stays the only Camel context Jolokia sees.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ManagementPortIT extends IntegrationTest {

    @LocalManagementPort
    int managementPort;

    @Test
    void aProtobufFirstScrapeOnTheManagementPortGetsText() {
        assertThat(managementPort).isNotEqualTo(port);
        HttpResponse<String> scrape = OpsHttp.get(managementPort, "/actuator/prometheus", bearer(PROMETHEUS_TOKEN), "Accept",
                "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited;q=0.7,"
                        + "text/plain;version=0.0.4;q=0.3");
        assertThat(scrape.statusCode()).as(scrape.body()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(scrape.body()).contains("jvm_memory_used_bytes");
        assertThat(OpsHttp.get(managementPort, "/actuator/prometheus", null).statusCode()).isEqualTo(401);
    }
}

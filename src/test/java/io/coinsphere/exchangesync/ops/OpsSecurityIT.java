package io.coinsphere.exchangesync.ops;

import static io.coinsphere.exchangesync.ops.OpsHttp.basic;
import static io.coinsphere.exchangesync.ops.OpsHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who may see inside: the operator paths need the ADMIN role; health, info and the API document are public. */
class OpsSecurityIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ADMIN_ONLY = List.of("/actuator/hawtio/", "/actuator/jolokia/version",
            "/actuator/prometheus", "/actuator/metrics", "/api/v1/exchanges/queue/stats");

    @Test
    void anonymousCallersAreAskedToLogIn() throws Exception {
        for (String path : ADMIN_ONLY) {
            HttpResponse<String> response = OpsHttp.get(port, path, null);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(JSON.readTree(response.body()).get("error").asText()).as(path).isEqualTo("unauthorized");
        }
        // A browser opening Hawtio gets a login prompt.
        assertThat(OpsHttp.get(port, "/actuator/hawtio/", null).headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Basic realm="));
    }

    @Test
    void plainUsersAreRefused() throws Exception {
        ApiClient user = newUser();
        for (String path : ADMIN_ONLY) {
            HttpResponse<String> response = OpsHttp.get(port, path, bearer(user.token()));
            assertThat(response.statusCode()).as(path).isEqualTo(403);
            assertThat(JSON.readTree(response.body()).get("success").asBoolean()).isFalse();
        }
    }

    @Test
    void plainUsersCannotUseBasicLoginEither() {
        String email = "basic-" + java.util.UUID.randomUUID() + "@example.com";
        String password = "pw-" + java.util.UUID.randomUUID();
        anonymous().post("/api/v1/auth/register", ApiClient.json("email", email, "password", password));
        assertThat(OpsHttp.get(port, "/actuator/jolokia/version", basic(email, password)).statusCode()).isEqualTo(403);
        assertThat(OpsHttp.get(port, "/actuator/jolokia/version", basic(ADMIN_EMAIL, "wrong-password")).statusCode())
                .isEqualTo(401);
        // Basic login is for the management paths only: the API itself wants a bearer token.
        admin();
        assertThat(OpsHttp.get(port, "/api/v1/exchanges/connections", basic(ADMIN_EMAIL, ADMIN_PASSWORD)).statusCode())
                .isEqualTo(401);
    }

    @Test
    void theAdministratorSeesEverything() {
        ApiClient admin = admin();
        for (String path : ADMIN_ONLY) {
            assertThat(OpsHttp.get(port, path, bearer(admin.token())).statusCode()).as(path).isEqualTo(200);
        }
        // Hawtio's console keeps its own Content-Security-Policy (the management paths' strict one would break it).
        java.net.http.HttpResponse<String> console = OpsHttp.get(port, "/actuator/hawtio/", bearer(admin.token()));
        assertThat(console.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("script-src"));
        assertThat(console.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        // The browser way in: the admin's email (any case) and password.
        assertThat(OpsHttp.get(port, "/actuator/hawtio/", basic(ADMIN_EMAIL.toUpperCase(), ADMIN_PASSWORD)).statusCode())
                .isEqualTo(200);
        assertThat(OpsHttp.get(port, "/actuator/jolokia/version", basic(ADMIN_EMAIL, ADMIN_PASSWORD)).statusCode())
                .isEqualTo(200);
    }

    @Test
    void crossSiteWritesToJolokiaAreRefusedEvenWithCredentials() {
        String auth = basic(admin() == null ? null : ADMIN_EMAIL, ADMIN_PASSWORD);
        String read = "{\"type\":\"version\"}";
        assertThat(OpsHttp.post(port, "/actuator/jolokia", read, auth, "Origin", "https://evil.example").statusCode())
                .isEqualTo(403);
        assertThat(OpsHttp.post(port, "/actuator/jolokia", read, auth, "Origin", "http://127.0.0.1:" + port).statusCode())
                .isEqualTo(200);
        assertThat(OpsHttp.post(port, "/actuator/jolokia", read, auth).statusCode()).as("no Origin: not a browser").isEqualTo(200);
    }

    @Test
    void healthIsPublicWithoutDetailsAndDetailedForTheAdministrator() throws Exception {
        for (String path : List.of("/health", "/actuator/health")) {
            HttpResponse<String> response = OpsHttp.get(port, path, null);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.get("status").asText()).isEqualTo("UP");
            assertThat(body.has("components")).as("no details for anonymous callers").isFalse();
        }
        JsonNode detailed = JSON.readTree(OpsHttp.get(port, "/actuator/health", bearer(admin().token())).body());
        assertThat(detailed.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(OpsHttp.get(port, "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        assertThat(OpsHttp.get(port, "/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    }

    @Test
    void infoIsPublicAndNamesTheBuildOnly() throws Exception {
        HttpResponse<String> response = OpsHttp.get(port, "/actuator/info", null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode info = JSON.readTree(response.body());
        assertThat(info.at("/build/artifact").asText()).isEqualTo("coinsphere-exchange-sync");
        assertThat(info.at("/build/version").asText()).isNotBlank();
        // No Java or OS versions for someone looking for a known vulnerability.
        assertThat(info.has("java")).as(response.body()).isFalse();
        assertThat(info.has("os")).as(response.body()).isFalse();
        assertThat(response.body()).doesNotContain(System.getProperty("java.version"));
    }

    @Test
    void prometheusScrapesWithItsOwnTokenWhichOpensNothingElse() {
        HttpResponse<String> scrape = OpsHttp.get(port, "/actuator/prometheus", bearer(PROMETHEUS_TOKEN));
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes");
        // A Prometheus with native histograms asks for protobuf first; the build has the text formats only.
        HttpResponse<String> nativeHistograms = OpsHttp.get(port, "/actuator/prometheus", bearer(PROMETHEUS_TOKEN), "Accept",
                "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited;q=0.7,"
                        + "text/plain;version=0.0.4;q=0.3");
        assertThat(nativeHistograms.statusCode()).isEqualTo(200);
        assertThat(nativeHistograms.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(nativeHistograms.body()).contains("jvm_memory_used_bytes");
        for (String path : List.of("/actuator/jolokia/version", "/actuator/metrics", "/actuator/hawtio/",
                "/api/v1/exchanges/queue/stats")) {
            assertThat(OpsHttp.get(port, path, bearer(PROMETHEUS_TOKEN)).statusCode()).as(path).isIn(401, 403);
        }
        assertThat(OpsHttp.get(port, "/api/v1/exchanges/connections", bearer(PROMETHEUS_TOKEN)).statusCode()).isEqualTo(401);
        assertThat(OpsHttp.get(port, "/actuator/prometheus", bearer(PROMETHEUS_TOKEN + "x")).statusCode()).isEqualTo(401);
        assertThat(OpsHttp.get(port, "/actuator/prometheus", bearer(PROMETHEUS_TOKEN.substring(1))).statusCode()).isEqualTo(401);
    }

    @Test
    void everyResponseCarriesARequestId() {
        HttpResponse<String> generated = OpsHttp.get(port, "/health", null);
        assertThat(generated.headers().firstValue("X-Request-Id")).hasValueSatisfying(v -> assertThat(v).hasSize(36));
        HttpResponse<String> kept = OpsHttp.get(port, "/api/v1/exchanges/supported", null, "X-Request-Id", "req-12345678");
        assertThat(kept.headers().firstValue("X-Request-Id")).hasValue("req-12345678");
        HttpResponse<String> forged = OpsHttp.get(port, "/health", null, "X-Request-Id", "bad id\tinjected");
        assertThat(forged.headers().firstValue("X-Request-Id").orElseThrow()).doesNotContain("injected");
    }
}

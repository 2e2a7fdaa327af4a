package io.coinsphere.exchangesync.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every kind of answer carries the security headers, over real HTTP: pages and assets, API success and error
 * answers, 401s, 404s, the management paths; HSTS only over HTTPS (here: a trusted proxy's X-Forwarded-Proto).
 */
class SecurityHeadersIT extends AuthContext {

    @Test
    void everyKindOfAnswerCarriesTheHeaders() throws Exception {
        String token = body(newLogin()).get("accessToken").asText();
        List<Probe> probes = List.of(
                new Probe("/", null, 200),
                new Probe("/exchanges", null, 200),
                new Probe("/assets/app.css", null, 200),
                new Probe("/assets/js/no-such-file.js", null, 404),
                new Probe("/api-doc", null, 200),
                new Probe("/health", null, 200),
                new Probe("/api/v1/exchanges/connections", token, 200),
                new Probe("/api/v1/exchanges/connections", null, 401),
                new Probe("/api/v1/exchanges/connections/not-a-uuid", token, 400),
                new Probe("/api/v1/exchanges/connections/7b0c3f9e-0000-4000-8000-000000000000", token, 404),
                new Probe("/api/v1/no-such-path", token, 404),
                new Probe("/no-such-path", null, 401),
                new Probe("/actuator/health", null, 200),
                new Probe("/actuator/prometheus", null, 401),
                new Probe("/actuator/prometheus", token, 403));
        List<String> seen = new ArrayList<>();
        for (Probe probe : probes) {
            for (boolean https : new boolean[] {false, true}) {
                HttpResponse<String> response = https
                        ? send("GET", probe.path(), null, headers(probe.token(), "X-Forwarded-Proto", "https"))
                        : send("GET", probe.path(), null, headers(probe.token()));
                String what = probe.path() + (https ? " over https" : "") + " -> " + response.statusCode();
                seen.add(what);
                assertThat(response.statusCode()).as(what).isEqualTo(probe.status());
                assertThat(response.headers().firstValue("Content-Security-Policy")).as(what)
                        .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
                assertThat(response.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
                assertThat(response.headers().firstValue("Referrer-Policy")).as(what).hasValue("no-referrer");
                assertThat(response.headers().firstValue("X-Frame-Options")).as(what).hasValue("DENY");
                if (https) {
                    assertThat(response.headers().firstValue("Strict-Transport-Security")).as(what)
                            .hasValue("max-age=31536000 ; includeSubDomains");
                } else {
                    assertThat(response.headers().firstValue("Strict-Transport-Security")).as(what).isEmpty();
                }
            }
        }
        assertThat(seen).hasSize(probes.size() * 2);
    }

    private static String[] headers(String token, String... more) {
        List<String> all = new ArrayList<>(List.of(more));
        if (token != null) {
            all.add("Authorization");
            all.add("Bearer " + token);
        }
        return all.toArray(String[]::new);
    }

    private record Probe(String path, String token, int status) {
    }
}

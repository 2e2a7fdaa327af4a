package io.coinsphere.exchangesync.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LeakWatchTest {

    private static final String TOKEN = "eyJraWQiOiJhYmMiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ";

    @Test
    void findsRegisteredSecretsAndMasksThem() {
        LeakWatch.secret("unit-secret-0123456789");
        assertThat(LeakWatch.findings("log x", "key=unit-secret-0123456789 failed"))
                .singleElement().asString().contains("<SECRET>").doesNotContain("unit-secret-0123456789");
        assertThat(LeakWatch.findings("log x", "nothing to see")).isEmpty();
    }

    @Test
    void findsCredentialEnvelopesJwtsAndPrivateKeys() {
        String envelope = "v1:k3y-id:AAAAAAAAAAAAAAAAAAAAAA:BBBBBBBBBBBBBBBB:CCCCCCCCCCCCCCCCCCCCCC:ZGF0YQ";
        assertThat(LeakWatch.findings("log sql", "Failing row contains (" + envelope + ")")).hasSize(1);
        assertThat(LeakWatch.findings("log security", "Bearer " + TOKEN)).hasSize(1);
        assertThat(LeakWatch.findings("log security", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ2aWN0aW0ifQ.")).as("alg none").hasSize(1);
        assertThat(LeakWatch.findings("log x", "-----BEGIN PRIVATE KEY-----\nMIIE")).hasSize(1);
    }

    @Test
    void onlyTheAuthEndpointsMayAnswerWithAToken() {
        assertThat(LeakWatch.findings("response POST /api/v1/auth/login", "{\"accessToken\":\"" + TOKEN + "\"}")).isEmpty();
        assertThat(LeakWatch.findings("response GET /api/v1/exchanges/connections", TOKEN)).hasSize(1);
    }
}

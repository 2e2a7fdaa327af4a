package io.coinsphere.exchangesync.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The ADMIN role belongs to an account that existed when the service started with its email configured, never
 * to whoever registers a configured email later; taking the role away revokes the account's tokens.
 */
class AdminGrantsIT extends IntegrationTest {

    private static final String PASSWORD = "unclaimed-admin-password";

    @Autowired
    private AdminGrants grants;

    @Autowired
    private NamedParameterJdbcTemplate named;

    @Test
    void registeringAConfiguredEmailGrantsNothingUntilTheNextStartAndLosingTheRoleRevokesTokens() {
        ApiClient.Response registered = anonymous().post("/api/v1/auth/register",
                ApiClient.json("email", UNCLAIMED_ADMIN_EMAIL, "password", PASSWORD));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        ApiClient squatter = login();
        assertThat(squatter.get("/api/v1/exchanges/queue/stats").status()).as("registered after start-up").isEqualTo(403);

        // The next start (the same grant) makes the account that existed by then an administrator.
        assertThat(grants.apply()).contains(UNCLAIMED_ADMIN_EMAIL);
        ApiClient admin = login();
        assertThat(admin.get("/api/v1/exchanges/queue/stats").status()).isEqualTo(200);

        // A start without the email in the list takes the role away, and every token issued so far stops working.
        new AdminGrants(named, new Roles(List.of(ADMIN_EMAIL))).apply();
        assertThat(admin.get("/api/v1/exchanges/queue/stats").status()).isEqualTo(401);
        assertThat(admin.get("/api/v1/exchanges/connections").status()).isEqualTo(401);
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> login().get("/api/v1/exchanges/connections").status() == 200);
        assertThat(login().get("/api/v1/exchanges/queue/stats").status()).isEqualTo(403);
    }

    private ApiClient login() {
        ApiClient.Response login = anonymous().post("/api/v1/auth/login",
                ApiClient.json("email", UNCLAIMED_ADMIN_EMAIL, "password", PASSWORD));
        assertThat(login.status()).as(login.raw()).isEqualTo(200);
        return anonymous().withToken(login.text("accessToken"));
    }
}

package io.coinsphere.exchangesync.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.ratelimit.RateLimitProperties.Limit;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimitRulesTest {

    private final RateLimitRules rules = new RateLimitRules(new RateLimitProperties(true, RateLimitProperties.Store.MEMORY,
            null, null, new Limit(3, Duration.ofSeconds(30)), null, List.of(), 100, Duration.ofMinutes(1)));

    @Test
    void productionDefaultsAreTheIssuesFigures() {
        RateLimitProperties defaults = new RateLimitProperties(true, RateLimitProperties.Store.MEMORY, null, null, null, null,
                List.of(), 100, Duration.ofMinutes(1));
        assertThat(defaults.api()).isEqualTo(new Limit(100, Duration.ofMinutes(15)));
        assertThat(defaults.login()).isEqualTo(new Limit(10, Duration.ofMinutes(1)));
        assertThat(defaults.accountLogin()).isEqualTo(new Limit(10, Duration.ofMinutes(15)));
        assertThat(defaults.exchangeTest()).isEqualTo(new Limit(10, Duration.ofMinutes(1)));
    }

    @Test
    void everyApiRequestDrawsFromTheAddressBucket() {
        assertThat(names(rules.forClient("/api/v1/exchanges/connections"))).containsExactly("api");
        assertThat(names(rules.forClient("/api/v1/events"))).containsExactly("api");
        assertThat(names(rules.forClient("/api/v1/auth/register"))).containsExactly("api");
    }

    @Test
    void loginAlsoDrawsFromTheLoginBucketHoweverThePathIsSpelled() {
        for (String path : List.of("/api/v1/auth/login", "/api/v1/auth/login/", "/API/v1/Auth/LOGIN", "/api//v1/auth//login")) {
            assertThat(names(rules.forClient(path))).as(path).containsExactly("api", "login");
        }
        assertThat(names(rules.forClient("/api/v1/auth/login-help"))).containsExactly("api");
    }

    @Test
    void pageFilesHealthActuatorAndTheApiDocumentAreExempt() {
        for (String path : List.of("/", "/index.html", "/exchanges", "/assets/js/api.js", "/health", "/actuator/health",
                "/actuator/health/readiness", "/api-doc", "/error", "", "/api")) {
            assertThat(rules.forClient(path)).as(path).isEmpty();
        }
    }

    @Test
    void everyCallThatTestsAKeyWithTheExchangeSharesTheUserBucket() {
        assertThat(rules.forUser("/api/v1/exchanges/test")).map(RateLimitRules.Rule::name).contains("exchange-test");
        assertThat(rules.forUser("/api/v1/exchanges/test/")).isPresent();
        assertThat(rules.forUser("/api/v1/exchanges/connect")).map(RateLimitRules.Rule::name).contains("exchange-test");
        assertThat(rules.forUser("/api/v1/exchanges/connections/6f1c2e0a-0000-4000-8000-000000000001/credentials"))
                .map(RateLimitRules.Rule::name).contains("exchange-test");
        assertThat(rules.forUser("/API/v1/exchanges/connections/x//credentials/")).isPresent();
        assertThat(rules.forUser("/api/v1/exchanges/connections/6f1c2e0a-0000-4000-8000-000000000001")).isEmpty();
        assertThat(rules.forUser("/api/v1/exchanges/connections/6f1c2e0a-0000-4000-8000-000000000001/sync")).isEmpty();
        assertThat(rules.forUser("/api/v1/auth/login")).isEmpty();
    }

    @Test
    void refusedCredentialsOnTheManagementPathsDrawFromTheLoginBucket() {
        for (String path : List.of("/actuator/prometheus", "/actuator/jolokia/read/x", "/actuator/hawtio/", "/ACTUATOR//metrics")) {
            assertThat(rules.forFailedCredentials(path)).as(path).map(RateLimitRules.Rule::name).contains("login");
        }
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/info", "/api/v1/holdings",
                "/actuatorx", "/health")) {
            assertThat(rules.forFailedCredentials(path)).as(path).isEmpty();
        }
    }

    @Test
    void keysSeparateRulesSubjectsAndLimits() {
        RateLimitRules.Rule test = rules.forUser("/api/v1/exchanges/test").orElseThrow();
        assertThat(test.key("user:42")).isEqualTo("exchange-test:3/30000ms:user:42");
        assertThat(rules.forClient("/api/x").get(0).key("10.0.0.1")).isEqualTo("api:100/900000ms:10.0.0.1");
        // Another limit, another bucket: a changed setting never inherits a bucket sized for the old one.
        assertThat(new RateLimitRules.Rule("api", new Limit(5, Duration.ofMinutes(15))).key("10.0.0.1"))
                .isNotEqualTo(rules.forClient("/api/x").get(0).key("10.0.0.1"));
    }

    private static List<String> names(List<RateLimitRules.Rule> rules) {
        return rules.stream().map(RateLimitRules.Rule::name).toList();
    }
}

package io.coinsphere.exchangesync.ratelimit;

import io.coinsphere.exchangesync.ratelimit.RateLimitProperties.Limit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which buckets a request draws from. Every {@code /api/**} request draws from the client address's
 * {@code api} bucket; a login also from the address's {@code login} bucket, and a key test, connect or key
 * replacement also from the user's {@code exchange-test} bucket. Everything outside {@code /api/} (the web page's files, {@code /health},
 * {@code /actuator/health}, the OpenAPI document) is exempt.
 */
public final class RateLimitRules {

    static final String LOGIN_PATH = "/api/v1/auth/login";
    static final String EXCHANGE_TEST_PATH = "/api/v1/exchanges/test";
    static final String CONNECT_PATH = "/api/v1/exchanges/connect";
    /** Replacing a connection's key tests the new key with the exchange first. */
    private static final Pattern CREDENTIALS_PATH = Pattern.compile("/api/v1/exchanges/connections/[^/]+/credentials");

    private final Rule api;
    private final Rule login;
    private final Rule exchangeTest;

    public RateLimitRules(RateLimitProperties properties) {
        this.api = new Rule("api", properties.api());
        this.login = new Rule("login", properties.login());
        this.exchangeTest = new Rule("exchange-test", properties.exchangeTest());
    }

    /** One bucket kind: its name and limit. */
    public record Rule(String name, Limit limit) {

        /**
         * The bucket key for one client or user. The limit is part of the key, so a changed limit starts fresh
         * buckets instead of reusing ones sized for the old limit (those expire on their own).
         */
        public String key(String subject) {
            return name + ":" + limit + ":" + subject;
        }
    }

    /** Buckets of the client address, in the order they are drawn from; empty for exempt paths. */
    public List<Rule> forClient(String path) {
        String normal = normalise(path);
        if (!normal.startsWith("/api/")) {
            return List.of();
        }
        // SECURITY: any method counts, so a login cannot dodge its bucket by a method the route turns away later.
        return LOGIN_PATH.equals(normal) ? List.of(api, login) : List.of(api);
    }

    /**
     * The bucket of the authenticated user, if the path has one: every request that calls an exchange with a key the
     * user sends (a key test, a connect, a key replacement) draws from the same {@code exchange-test} bucket, so
     * none of them is a way around the others' limit.
     */
    public Optional<Rule> forUser(String path) {
        String normal = normalise(path);
        boolean callsExchange = EXCHANGE_TEST_PATH.equals(normal) || CONNECT_PATH.equals(normal)
                || CREDENTIALS_PATH.matcher(normal).matches();
        return callsExchange ? Optional.of(exchangeTest) : Optional.empty();
    }

    /**
     * For the management paths (Hawtio, Jolokia, metrics; not health or info), which accept an administrator's
     * password by HTTP Basic: the bucket that refused credentials draw from. It is the address's login bucket,
     * so guessing a password costs the same there as at {@code /api/v1/auth/login}; a signed-in operator's many
     * requests cost nothing.
     */
    public Optional<Rule> forFailedCredentials(String path) {
        String normal = normalise(path);
        boolean management = normal.equals("/actuator") || normal.startsWith("/actuator/");
        boolean open = normal.equals("/actuator/health") || normal.startsWith("/actuator/health/")
                || normal.equals("/actuator/info");
        return management && !open ? Optional.of(login) : Optional.empty();
    }

    /**
     * The servlet container's decoded path, lower case, without repeated or trailing slashes, so that
     * {@code /API/v1/auth/login/} cannot pass for another path than the one the router may serve it as.
     */
    static String normalise(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        String lower = path.toLowerCase(Locale.ROOT).replaceAll("/{2,}", "/");
        int end = lower.length();
        while (end > 1 && lower.charAt(end - 1) == '/') {
            end--;
        }
        return lower.substring(0, end);
    }
}

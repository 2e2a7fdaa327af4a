package io.coinsphere.exchangesync.config;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * SECURITY: the container image sets {@code COINSPHERE_REQUIRE_EXTERNAL_SERVICES=true}, so a plain
 * {@code docker run} without a database or a master key stops at once with a message naming what is missing,
 * instead of starting an embedded database and a generated key inside a container that loses them (embedded
 * defaults are for a developer's machine). Checked before any bean exists, so nothing embedded starts.
 */
public class ExternalServicesRequired implements EnvironmentPostProcessor, Ordered {

    public static final String FLAG = "coinsphere.require-external-services";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty(FLAG, Boolean.class, false)) {
            return;
        }
        List<String> missing = new ArrayList<>();
        if (!isSet(environment.getProperty("spring.datasource.url"))) {
            missing.add("SPRING_DATASOURCE_URL (the PostgreSQL JDBC URL, with SPRING_DATASOURCE_USERNAME and _PASSWORD)");
        }
        if (!isSet(environment.getProperty("ENCRYPTION_KEY")) && !isSet(environment.getProperty("ENCRYPTION_KEYS"))
                && !isSet(environment.getProperty("coinsphere.vault.encryption-key"))
                && !isSet(environment.getProperty("coinsphere.vault.encryption-keys"))) {
            missing.add("ENCRYPTION_KEY (the master key: openssl rand -base64 32)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("This image runs against your own PostgreSQL and master key, and does not"
                    + " start embedded ones (COINSPHERE_REQUIRE_EXTERNAL_SERVICES=true). Missing: "
                    + String.join("; ", missing) + ". See docs/operations.md, or use docker compose.");
        }
    }

    /** After the configuration files are read (they may hold the URL), before the demo's check. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}

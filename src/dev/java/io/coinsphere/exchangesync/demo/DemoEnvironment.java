package io.coinsphere.exchangesync.demo;

import io.coinsphere.exchangesync.config.EmbeddedPostgresConfiguration;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code coinsphere.demo=true}, points every exchange at the built-in emulator before any
 * bean reads their URLs. Demo mode refuses to run against a real database: its fake accounts must
 * never mix with real users' data.
 */
public class DemoEnvironment implements EnvironmentPostProcessor, Ordered {

    public static final String ENABLED = "coinsphere.demo.enabled";
    public static final String SHORT_FLAG = "coinsphere.demo";
    public static final String PORT_BASE = "coinsphere.demo.port-base";
    public static final int DEFAULT_PORT_BASE = 3101;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!enabled(environment)) {
            return;
        }
        if (!EmbeddedPostgresConfiguration.isEmbedded(environment.getProperty("spring.datasource.url"))) {
            throw new IllegalStateException("Demo mode runs only on the embedded database: unset SPRING_DATASOURCE_URL "
                    + "or start without --coinsphere.demo=true");
        }
        int base = environment.getProperty(PORT_BASE, Integer.class, DEFAULT_PORT_BASE);
        Map<String, Object> urls = new LinkedHashMap<>();
        urls.put(ENABLED, "true");
        for (ExchangeId id : ExchangeId.values()) {
            urls.put("coinsphere.exchanges." + id.id() + ".base-url", "http://127.0.0.1:" + port(base, id));
        }
        environment.getPropertySources().addFirst(new MapPropertySource("coinsphere-demo", urls));
    }

    /** {@code --coinsphere.demo=true} is the documented switch; {@code coinsphere.demo.enabled} works too. */
    static boolean enabled(ConfigurableEnvironment environment) {
        return "true".equalsIgnoreCase(environment.getProperty(SHORT_FLAG))
                || "true".equalsIgnoreCase(environment.getProperty(ENABLED));
    }

    /** Binance on the base port, then Coinbase Exchange, Kraken, KuCoin and Coinbase (CDP keys) on the next ones. */
    static int port(int base, ExchangeId id) {
        return base + id.ordinal();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

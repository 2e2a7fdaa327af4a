package io.coinsphere.exchangesync.demo;

import io.coinsphere.exchangesync.emulator.ExchangeEmulator;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import java.util.EnumMap;
import java.util.Map;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Demo mode ({@code --coinsphere.demo=true}): the exchange emulator runs inside the service with
 * demo accounts, so a new user can connect every exchange without any real account.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = DemoEnvironment.ENABLED, havingValue = "true")
public class DemoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(DemoConfiguration.class);

    @Bean(destroyMethod = "close")
    ExchangeEmulator demoEmulator(@Value("${" + DemoEnvironment.PORT_BASE + ":" + DemoEnvironment.DEFAULT_PORT_BASE + "}") int base) {
        Map<ExchangeId, Integer> ports = new EnumMap<>(ExchangeId.class);
        for (ExchangeId id : ExchangeId.values()) {
            ports.put(id, DemoEnvironment.port(base, id));
        }
        ExchangeEmulator emulator = ExchangeEmulator.start(ports);
        try {
            DemoAccounts.seed(emulator);
        } catch (RuntimeException e) {
            // The servers' dispatcher threads would keep a failed JVM alive.
            emulator.close();
            throw e;
        }
        StringBuilder banner = new StringBuilder("Demo mode: the exchange emulator serves these demo accounts (not real keys):");
        for (DemoAccounts.Demo demo : DemoAccounts.ALL) {
            banner.append(System.lineSeparator()).append("  ").append(demo.exchange().id())
                    .append(" at ").append(emulator.baseUrl(demo.exchange()))
                    .append("  apiKey=").append(demo.apiKey())
                    .append("  apiSecret=").append(demo.apiSecret())
                    .append(demo.passphrase() == null ? "" : "  passphrase=" + demo.passphrase());
        }
        LOG.warn(banner.toString());
        return emulator;
    }

    /** A few days of generated history, so the portfolio chart has a past on the first visit. */
    @Bean
    RouteBuilder demoHistoryRoute(ExchangeEmulator demoEmulator, JdbcTemplate jdbc) {
        DemoHistory history = new DemoHistory(jdbc, demoEmulator);
        return new RouteBuilder() {
            @Override
            public void configure() {
                // A tick that meets a stalled database logs one WARN, like every other timer (timer-errors).
                from("timer:demo-history?delay=5000&period=20000").routeId("demo-history")
                        .routeConfigurationId("timer-errors")
                        .process(e -> history.fill());
            }
        };
    }

    /** Balances drift a little every few minutes so syncs have something to show. */
    @Bean
    RouteBuilder demoDriftRoute(ExchangeEmulator demoEmulator,
            @Value("${coinsphere.demo.drift-interval:120000}") long intervalMillis) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:demo-drift?delay=" + intervalMillis + "&period=" + intervalMillis).routeId("demo-drift")
                        .process(e -> DemoAccounts.drift(demoEmulator));
            }
        };
    }
}

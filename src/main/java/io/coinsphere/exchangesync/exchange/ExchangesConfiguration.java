package io.coinsphere.exchangesync.exchange;

import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Binds {@code coinsphere.exchanges.<id>.*} for every exchange of the registry, so that a new exchange needs no
 * property class change: unset exchanges run against their production URL with their default budget.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExchangesProperties.Settings.class)
public class ExchangesConfiguration {

    @Bean
    ExchangesProperties exchangesProperties(ExchangesProperties.Settings settings, Environment environment) {
        Binder binder = Binder.get(environment);
        Map<ExchangeId, ExchangesProperties.Endpoint> endpoints = new EnumMap<>(ExchangeId.class);
        for (ExchangeId id : ExchangeId.values()) {
            binder.bind("coinsphere.exchanges." + id.id(), ExchangesProperties.Endpoint.class)
                    .ifBound(endpoint -> endpoints.put(id, endpoint));
        }
        return new ExchangesProperties(settings.connectTimeout(), settings.readTimeout(), endpoints,
                settings.clockRefresh(), settings.maxBudgetWait(), settings.circuitBreaker());
    }
}

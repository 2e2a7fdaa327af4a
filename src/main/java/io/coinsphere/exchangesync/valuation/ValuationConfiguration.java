package io.coinsphere.exchangesync.valuation;

import io.coinsphere.exchangesync.prices.PricesProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link Valuation} of the service, with the configured cross assets and staleness bound. */
@Configuration(proxyBeanMethods = false)
public class ValuationConfiguration {

    @Bean
    Valuation valuation(PricesProperties prices) {
        return new Valuation(prices.crossVia(), prices.staleAfter());
    }
}

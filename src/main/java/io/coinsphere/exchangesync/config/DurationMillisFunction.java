package io.coinsphere.exchangesync.config;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.spi.PropertiesFunction;
import org.springframework.boot.convert.DurationStyle;

/**
 * {@code {{millis:coinsphere.prices.refresh}}} in a route: the setting read as a Spring Boot duration
 * ({@code 60s}, {@code 1m}, {@code PT1M}, or plain milliseconds), written as milliseconds. Camel reads a
 * timer's period as its own text format, where {@code PT1M} would silently become 0, so every duration
 * setting of a route goes through this function (found by Camel under
 * {@code META-INF/services/org/apache/camel/properties-function/millis}).
 */
public class DurationMillisFunction implements PropertiesFunction, CamelContextAware {

    private CamelContext camelContext;

    @Override
    public String getName() {
        return "millis";
    }

    @Override
    public String apply(String key) {
        String value = camelContext.getPropertiesComponent().resolveProperty(key)
                .orElseThrow(() -> new IllegalArgumentException("No setting " + key + " (a duration) for {{millis:" + key + "}}"));
        try {
            return Long.toString(DurationStyle.detectAndParse(value.trim()).toMillis());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Setting " + key + " is not a duration (e.g. 60s, 5m, PT1M): " + value, e);
        }
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }
}

package io.coinsphere.exchangesync.config;

import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.spi.PropertiesFunction;
import org.springframework.boot.convert.DurationStyle;

/**
 * {@code {{millis:coinsphere.sync.fanout-interval}}}: a duration setting ({@code 30s}, {@code PT30S}) as
 * milliseconds, for the endpoint options that take a plain number (Quartz's {@code trigger.repeatInterval}).
 */
public class MillisPropertiesFunction implements PropertiesFunction, CamelContextAware {

    private CamelContext camelContext;

    @Override
    public String getName() {
        return "millis";
    }

    @Override
    public String apply(String remainder) {
        String key = remainder.strip();
        String value = camelContext.getPropertiesComponent().resolveProperty(key)
                .orElseThrow(() -> new IllegalArgumentException("no property " + key));
        return String.valueOf(parse(value).toMillis());
    }

    static Duration parse(String value) {
        String text = value.strip();
        return text.chars().allMatch(Character::isDigit) ? Duration.ofMillis(Long.parseLong(text))
                : DurationStyle.detectAndParse(text);
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

package io.coinsphere.exchangesync.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

class MillisPropertiesFunctionTest {

    @Test
    void durationSettingsBecomeMilliseconds() {
        DefaultCamelContext camel = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.put("a.interval", "30s");
        properties.put("b.interval", "PT1M");
        properties.put("c.interval", "1500");
        camel.getPropertiesComponent().setInitialProperties(properties);

        assertThat(camel.resolvePropertyPlaceholders("{{millis:a.interval}}")).isEqualTo("30000");
        assertThat(camel.resolvePropertyPlaceholders("{{millis:b.interval}}")).isEqualTo("60000");
        assertThat(camel.resolvePropertyPlaceholders("{{millis:c.interval}}")).isEqualTo("1500");
        assertThatThrownBy(() -> camel.resolvePropertyPlaceholders("{{millis:missing.interval}}"))
                .hasMessageContaining("missing.interval");
    }
}

package io.coinsphere.exchangesync.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

class DurationMillisFunctionTest {

    private final DefaultCamelContext context = new DefaultCamelContext();

    DurationMillisFunctionTest() {
        Properties settings = new Properties();
        settings.put("a.simple", "60s");
        settings.put("a.iso", "PT1M");
        settings.put("a.hours", "1h");
        settings.put("a.plain", "2500");
        settings.put("a.broken", "soon");
        context.getPropertiesComponent().setInitialProperties(settings);
    }

    @Test
    void everySpringDurationFormatBecomesMilliseconds() {
        assertThat(context.resolvePropertyPlaceholders("{{millis:a.simple}}")).isEqualTo("60000");
        assertThat(context.resolvePropertyPlaceholders("{{millis:a.iso}}")).isEqualTo("60000");
        assertThat(context.resolvePropertyPlaceholders("{{millis:a.hours}}")).isEqualTo("3600000");
        assertThat(context.resolvePropertyPlaceholders("{{millis:a.plain}}")).isEqualTo("2500");
    }

    @Test
    void aMissingOrMalformedSettingIsNamed() {
        assertThatThrownBy(() -> context.resolvePropertyPlaceholders("{{millis:a.missing}}"))
                .hasStackTraceContaining("a.missing");
        assertThatThrownBy(() -> context.resolvePropertyPlaceholders("{{millis:a.broken}}"))
                .hasStackTraceContaining("a.broken").hasStackTraceContaining("soon");
    }
}

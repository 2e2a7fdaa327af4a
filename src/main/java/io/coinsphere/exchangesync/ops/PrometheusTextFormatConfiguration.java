package io.coinsphere.exchangesync.ops;

import io.prometheus.metrics.expositionformats.PrometheusProtobufWriter;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * Puts {@link PrometheusTextFormat} in front of the scrape endpoint wherever the actuator endpoints are served: in the
 * application's context, or in the management context of its own when {@code management.server.port} is set (listed
 * in META-INF/spring/...ManagementContextConfiguration.imports for that case). Not at all when a protobuf writer is
 * on the class path.
 */
@ManagementContextConfiguration(value = ManagementContextType.ANY, proxyBeanMethods = false)
public class PrometheusTextFormatConfiguration {

    @Bean
    FilterRegistrationBean<PrometheusTextFormat> prometheusTextFormat(WebEndpointProperties endpoints) {
        FilterRegistrationBean<PrometheusTextFormat> registration = new FilterRegistrationBean<>(new PrometheusTextFormat());
        registration.addUrlPatterns(endpoints.getBasePath() + "/prometheus");
        registration.setEnabled(!new PrometheusProtobufWriter().isAvailable());
        return registration;
    }
}

package io.coinsphere.exchangesync.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coinsphere.exchangesync.auth.LoginThrottle;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Plugs the limits into the servlet filter chain, around Spring Security rather than inside it: the per-address
 * filter runs before the security chain, the per-user filter right after it (where the user is known).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "coinsphere.rate-limit", name = "enabled", havingValue = "true", matchIfMissing = true)
public class RateLimitConfiguration {

    /** After the correlation id filter (so a 429 carries the request id), before the security chain. */
    static final int CLIENT_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;
    static final int USER_FILTER_ORDER = SecurityProperties.DEFAULT_FILTER_ORDER + 10;

    @Bean
    BucketStore rateLimitBuckets(RateLimitProperties properties, DataSource dataSource) {
        return properties.store() == RateLimitProperties.Store.POSTGRES
                ? new PostgresBucketStore(dataSource)
                : new MemoryBucketStore(properties.maxBuckets());
    }

    @Bean
    LoginThrottle accountLoginThrottle(BucketStore buckets, RateLimitProperties properties, MeterRegistry meters) {
        return new AccountLoginThrottle(buckets, properties.accountLogin(), meters);
    }

    @Bean
    RateLimitRules rateLimitRules(RateLimitProperties properties) {
        return new RateLimitRules(properties);
    }

    // The filters are not beans themselves, so Spring Boot does not register them a second time on its own.
    @Bean
    FilterRegistrationBean<ClientRateLimitFilter> clientRateLimitFilter(RateLimitProperties properties, RateLimitRules rules,
            BucketStore buckets, ObjectMapper json, MeterRegistry meters) {
        FilterRegistrationBean<ClientRateLimitFilter> registration = new FilterRegistrationBean<>(
                new ClientRateLimitFilter(rules, new ClientAddress(properties.trustedProxies()), buckets, json, meters));
        registration.setName("clientRateLimitFilter");
        registration.setOrder(CLIENT_FILTER_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<UserRateLimitFilter> userRateLimitFilter(RateLimitRules rules, BucketStore buckets,
            ObjectMapper json, MeterRegistry meters) {
        FilterRegistrationBean<UserRateLimitFilter> registration = new FilterRegistrationBean<>(
                new UserRateLimitFilter(rules, buckets, json, meters));
        registration.setName("userRateLimitFilter");
        registration.setOrder(USER_FILTER_ORDER);
        return registration;
    }
}

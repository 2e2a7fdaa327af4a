package io.coinsphere.exchangesync.database;

import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Bounded database waits for every datasource, embedded or external, and the bounded {@code db} health check. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    static DatabaseTimeouts databaseTimeouts(Environment environment) {
        return new DatabaseTimeouts(environment);
    }

    /** Named like Spring Boot's own, which then steps aside; the readiness group includes {@code db}. */
    @Bean(destroyMethod = "close")
    DatabaseHealth dbHealthIndicator(DataSource dataSource,
            @Value("${coinsphere.database.health-timeout:2s}") Duration timeout) {
        return new DatabaseHealth(dataSource, timeout);
    }
}

package io.coinsphere.exchangesync.config;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Embedded default database: when no {@code spring.datasource.url} is configured, start real
 * PostgreSQL binaries with their data under {@code <data-dir>/postgres}, which survives restarts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceUrl.class)
public class EmbeddedPostgresConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /** Matches when the operator configured no external database. */
    public static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return isEmbedded(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }

    public static boolean isEmbedded(String datasourceUrl) {
        return !StringUtils.hasText(datasourceUrl);
    }

    /**
     * Extra PostgreSQL server settings ({@code coinsphere.embedded.postgres-settings.<name>=<value>}), passed
     * to the postmaster as {@code -c name=value} at every start, e.g. {@code shared_preload_libraries}. A name
     * with a dot ({@code pg_stat_statements.track_planning}) is kept whole: the values are plain strings.
     */
    static Map<String, String> postgresSettings(Environment environment) {
        return Binder.get(environment)
                .bind("coinsphere.embedded.postgres-settings", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(CoinsphereProperties properties, Environment environment,
            @Value("${coinsphere.embedded.postgres-port:0}") int port) throws IOException {
        Path dir = properties.dataDir().resolve("postgres").toAbsolutePath();
        Files.createDirectories(dir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                // Spring stops it after the datasource is closed, not a JVM hook racing Camel's shutdown.
                .setRegisterShutdownHook(false);
        if (port > 0) {
            builder.setPort(port);
        }
        Map<String, String> settings = postgresSettings(environment);
        settings.forEach(builder::setServerConfig);
        EmbeddedPostgres postgres = builder.start();
        LOG.info("Embedded PostgreSQL started on port {} with data in {}{}", postgres.getPort(), dir,
                settings.isEmpty() ? "" : ", extra settings " + settings.keySet());
        return postgres;
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres, @Value("${coinsphere.embedded.pool-size:20}") int poolSize,
            @Value("${spring.datasource.hikari.connection-init-sql:}") String initSql) {
        HikariDataSource ds = new HikariDataSource();
        // The same session settings as an external database gets through Spring Boot's Hikari properties.
        if (!initSql.isBlank()) {
            ds.setConnectionInitSql(initSql);
        }
        ds.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(poolSize);
        ds.setPoolName("coinsphere-embedded");
        return ds;
    }
}

package io.coinsphere.exchangesync.config;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
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
     * Durable by default: the data directory holds the users' real connections across restarts, and zonky starts
     * PostgreSQL with {@code fsync} and {@code synchronous_commit} off. Tests and the benchmark turn both off again
     * with {@code coinsphere.embedded.postgres-settings.fsync=off} (and {@code .synchronous_commit=off}).
     */
    static final Map<String, String> DURABLE = Map.of("fsync", "on", "synchronous_commit", "on");

    /**
     * Server settings for every start: {@link #DURABLE}, overridden by the operator's own
     * ({@code coinsphere.embedded.postgres-settings.<name>=<value>}), passed to the postmaster as {@code -c name=value},
     * e.g. {@code shared_preload_libraries}. A name with a dot ({@code pg_stat_statements.track_planning}) is kept
     * whole: the values are plain strings.
     */
    static Map<String, String> postgresSettings(Environment environment) {
        Map<String, String> settings = new TreeMap<>(DURABLE);
        settings.putAll(Binder.get(environment)
                .bind("coinsphere.embedded.postgres-settings", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of()));
        return settings;
    }

    /** Static: a factory post-processor, created (and starting the server) before any other bean. */
    @Bean(destroyMethod = "close")
    static EmbeddedPostgresEarlyStart embeddedPostgresEarlyStart() {
        return new EmbeddedPostgresEarlyStart();
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(CoinsphereProperties properties, Environment environment, EmbeddedPostgresWatch watch,
            EmbeddedPostgresEarlyStart early, @Value("${coinsphere.embedded.postgres-port:0}") int port) throws Exception {
        Path dataDir = properties.dataDir().toAbsolutePath();
        Map<String, String> settings = postgresSettings(environment);
        EmbeddedPostgres started = early.take(dataDir, settings, port);
        return started != null ? started : start(dataDir, settings, port, watch);
    }

    /** Starts the server of {@code <dataDir>/postgres} (initdb on the first start) and its watchdog. */
    static EmbeddedPostgres start(Path dataDir, Map<String, String> settings, int port, EmbeddedPostgresWatch watch)
            throws IOException, SQLException {
        Path dir = dataDir.resolve("postgres");
        Files.createDirectories(dir);
        // A server that a killed run left behind holds postmaster.pid: a new one would give up after 10 s.
        LeftoverPostgres.stopIfLeft(dir, Duration.ofSeconds(30));
        String password = EmbeddedPostgresPassword.loadOrCreate(dataDir);
        boolean fresh = !Files.exists(dir.resolve("postgresql.conf"));
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                // Spring stops it after the datasource is closed, not a JVM hook racing Camel's shutdown.
                .setRegisterShutdownHook(false)
                // SECURITY: a new cluster requires the password from its first start (these reach initdb only).
                .setLocaleConfig("auth", "scram-sha-256")
                .setLocaleConfig("pwfile", EmbeddedPostgresPassword.file(dataDir).toString())
                // zonky's own readiness probe connects as postgres too.
                .setConnectConfig("password", password);
        if (port > 0) {
            builder.setPort(port);
        }
        settings.forEach(builder::setServerConfig);
        EmbeddedPostgres postgres = builder.start();
        watch.watch(dir);
        if (!fresh) {
            EmbeddedPostgresPassword.enforce(dir, postgres.getPostgresDatabase(), password);
        }
        LOG.info("Embedded PostgreSQL started on port {} with data in {}, settings {}", postgres.getPort(), dir, settings);
        return postgres;
    }

    /**
     * Stops the embedded server if this JVM dies without stopping it. The server's bean depends on this one, so a
     * clean stop closes it only after PostgreSQL has stopped: a JVM that ends while the context is still closing (a
     * test JVM's exit timeout, a second Ctrl+C) leaves no server behind.
     */
    @Bean(destroyMethod = "close")
    EmbeddedPostgresWatch embeddedPostgresWatch(EmbeddedPostgresEarlyStart early) {
        return early.watch();
    }

    /** Holds the watchdog of the started server (if one could start). */
    static final class EmbeddedPostgresWatch implements AutoCloseable {

        private PostgresWatchdog watchdog;

        /** Right after the start: the postmaster's pid is in the data directory's pid file. */
        synchronized void watch(Path dataDir) {
            long pid = LeftoverPostgres.PidFile.read(dataDir).map(LeftoverPostgres.PidFile::pid).orElse(-1L);
            if (pid > 0 && watchdog == null) {
                watchdog = PostgresWatchdog.start(pid, dataDir);
            }
        }

        /** Ends the watchdog; a later {@link #watch} starts a new one. */
        @Override
        public synchronized void close() {
            if (watchdog != null) {
                watchdog.close();
                watchdog = null;
            }
        }
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres, CoinsphereProperties properties,
            @Value("${coinsphere.embedded.pool-size:20}") int poolSize,
            @Value("${spring.datasource.hikari.connection-init-sql:}") String initSql) throws IOException {
        HikariDataSource ds = new HikariDataSource();
        // The same session settings as an external database gets through Spring Boot's Hikari properties.
        if (!initSql.isBlank()) {
            ds.setConnectionInitSql(initSql);
        }
        ds.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        ds.setUsername("postgres");
        ds.setPassword(EmbeddedPostgresPassword.loadOrCreate(properties.dataDir().toAbsolutePath()));
        ds.setMaximumPoolSize(poolSize);
        ds.setPoolName("coinsphere-embedded");
        return ds;
    }
}

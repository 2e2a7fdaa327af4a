package io.coinsphere.exchangesync.database;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Bounds every wait on the database by {@code coinsphere.database.timeout} (5 s): a connection from the pool, a new
 * connection, and each statement's answer. Without it a stalled PostgreSQL hangs requests for Hikari's 30 s, and
 * statements on open connections forever. Values the operator set under {@code spring.datasource.hikari} win.
 */
class DatabaseTimeouts implements BeanPostProcessor {

    static final Duration DEFAULT = Duration.ofSeconds(5);
    /** Hikari's own default connection timeout: left at it means nobody chose one. */
    private static final long HIKARI_DEFAULT_CONNECTION_TIMEOUT = 30_000;

    private final Duration timeout;

    DatabaseTimeouts(Environment environment) {
        this.timeout = Binder.get(environment).bind("coinsphere.database.timeout", Duration.class).orElse(DEFAULT);
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari) {
            apply(hikari, timeout);
        }
        return bean;
    }

    static void apply(HikariDataSource hikari, Duration timeout) {
        long millis = Math.max(1000, timeout.toMillis());
        String seconds = Long.toString(Math.max(1, (millis + 999) / 1000));
        if (hikari.getConnectionTimeout() == HIKARI_DEFAULT_CONNECTION_TIMEOUT) {
            hikari.setConnectionTimeout(millis);
            // A pooled connection is checked before use; a stalled server fails the check well within the bound.
            hikari.setValidationTimeout(Math.max(250, Math.min(hikari.getValidationTimeout(), millis / 2)));
        }
        // PostgreSQL JDBC driver settings, in seconds: opening a connection, and waiting for any answer on one.
        hikari.getDataSourceProperties().putIfAbsent("connectTimeout", seconds);
        hikari.getDataSourceProperties().putIfAbsent("loginTimeout", seconds);
        hikari.getDataSourceProperties().putIfAbsent("socketTimeout", seconds);
    }
}

package io.coinsphere.exchangesync.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Starts the embedded PostgreSQL (and its watchdog) early ({@link EarlyStart}), so that initdb and the server's start
 * overlap the creation of the web server and the other beans.
 */
final class EmbeddedPostgresEarlyStart implements BeanFactoryPostProcessor, EnvironmentAware, AutoCloseable {

    private final EmbeddedPostgresConfiguration.EmbeddedPostgresWatch watch = new EmbeddedPostgresConfiguration.EmbeddedPostgresWatch();
    private Environment environment;
    private EarlyStart<EmbeddedPostgres> early;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public synchronized void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        Path dir = Binder.get(environment).bindOrCreate("coinsphere", CoinsphereProperties.class).dataDir().toAbsolutePath();
        Map<String, String> settings = EmbeddedPostgresConfiguration.postgresSettings(environment);
        int port = environment.getProperty("coinsphere.embedded.postgres-port", Integer.class, 0);
        early = EarlyStart.begin("embedded-postgres-start", List.of(dir, settings, port),
                () -> EmbeddedPostgresConfiguration.start(dir, settings, port, watch), watch::close);
    }

    /** The one watch of this context's server, started or not. */
    EmbeddedPostgresConfiguration.EmbeddedPostgresWatch watch() {
        return watch;
    }

    /** The server started early for these settings, or null (none started, or for other settings). */
    synchronized EmbeddedPostgres take(Path dir, Map<String, String> serverSettings, int serverPort) throws Exception {
        return early == null ? null : early.take(List.of(dir, serverSettings, serverPort));
    }

    @Override
    public synchronized void close() throws Exception {
        if (early != null) {
            early.close();
        }
    }
}

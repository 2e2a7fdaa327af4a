package io.coinsphere.exchangesync.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Starts the embedded PostgreSQL (and its watchdog) on a thread of its own as soon as the context begins to refresh,
 * so that initdb and the server's start overlap the creation of the web server and the other beans instead of adding
 * to them (docs/benchmarks.md, "Footprint"). The server's bean takes it; one never taken (a failed start of the
 * context) is stopped with the context.
 */
final class EmbeddedPostgresEarlyStart implements BeanFactoryPostProcessor, EnvironmentAware, AutoCloseable {

    private final EmbeddedPostgresConfiguration.EmbeddedPostgresWatch watch = new EmbeddedPostgresConfiguration.EmbeddedPostgresWatch();
    private Environment environment;
    private Path dataDir;
    private Map<String, String> settings;
    private int port;
    private CompletableFuture<EmbeddedPostgres> starting;
    private boolean taken;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public synchronized void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        dataDir = Binder.get(environment).bindOrCreate("coinsphere", CoinsphereProperties.class).dataDir().toAbsolutePath();
        settings = EmbeddedPostgresConfiguration.postgresSettings(environment);
        port = environment.getProperty("coinsphere.embedded.postgres-port", Integer.class, 0);
        Path dir = dataDir;
        Map<String, String> serverSettings = settings;
        int serverPort = port;
        starting = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                starting.complete(EmbeddedPostgresConfiguration.start(dir, serverSettings, serverPort, watch));
            } catch (Throwable e) {
                starting.completeExceptionally(e);
            }
        }, "embedded-postgres-start");
        thread.setDaemon(true);
        thread.start();
    }

    /** The one watch of this context's server, started or not. */
    EmbeddedPostgresConfiguration.EmbeddedPostgresWatch watch() {
        return watch;
    }

    /** The server started early for these settings, or null (none started, or for other settings). */
    synchronized EmbeddedPostgres take(Path dir, Map<String, String> serverSettings, int serverPort) throws Exception {
        if (starting == null || taken) {
            return null;
        }
        taken = true;
        EmbeddedPostgres postgres;
        try {
            postgres = starting.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        if (dir.equals(dataDir) && serverSettings.equals(settings) && serverPort == port) {
            return postgres;
        }
        // Settings changed between the context's start and the bean (a test's dynamic properties): start again.
        postgres.close();
        watch.close();
        return null;
    }

    @Override
    public synchronized void close() throws Exception {
        if (starting != null && !taken) {
            taken = true;
            try {
                starting.join().close();
            } catch (CompletionException failedToStart) {
                // nothing runs
            } finally {
                watch.close();
            }
        }
    }
}

package io.coinsphere.exchangesync.kafka;

import io.coinsphere.exchangesync.config.CoinsphereProperties;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Starts the embedded broker on a thread of its own as soon as the context begins to refresh, so that its few
 * seconds of start overlap the database's start, Flyway and the creation of the other beans, instead of adding to
 * them (docs/benchmarks.md, "Footprint"). The broker's bean takes the started server; one never taken (a failed
 * start of the context) is stopped with the context.
 */
final class EmbeddedKafkaEarlyStart implements BeanFactoryPostProcessor, EnvironmentAware, AutoCloseable {

    private Environment environment;
    private Path logs;
    private int port;
    private CompletableFuture<EmbeddedKafkaServer> starting;
    private boolean taken;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public synchronized void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        Binder binder = Binder.get(environment);
        KafkaSettings settings = binder.bindOrCreate("coinsphere.kafka", KafkaSettings.class);
        if (!settings.enabled() || settings.external()) {
            return;
        }
        logs = logs(binder.bindOrCreate("coinsphere", CoinsphereProperties.class));
        port = settings.embeddedPort();
        Path dir = logs;
        int brokerPort = port;
        starting = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                starting.complete(EmbeddedKafkaServer.start(dir, brokerPort));
            } catch (Throwable e) {
                starting.completeExceptionally(e);
            }
        }, "embedded-kafka-start");
        thread.setDaemon(true);
        thread.start();
    }

    static Path logs(CoinsphereProperties properties) {
        return properties.dataDir().resolve("kafka").toAbsolutePath();
    }

    /** The broker started early for these settings, or null (none started, or for other settings). */
    synchronized EmbeddedKafkaServer take(Path logDir, int brokerPort) throws Exception {
        if (starting == null || taken) {
            return null;
        }
        if (!logDir.equals(logs) || brokerPort != port) {
            // Settings changed between the context's start and the bean (a test's dynamic properties).
            close();
            return null;
        }
        taken = true;
        try {
            return starting.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    @Override
    public synchronized void close() {
        if (starting != null && !taken) {
            taken = true;
            try {
                starting.join().close();
            } catch (CompletionException failedToStart) {
                // nothing runs
            }
        }
    }
}

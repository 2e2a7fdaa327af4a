package io.coinsphere.exchangesync.kafka;

import io.coinsphere.exchangesync.config.CoinsphereProperties;
import io.coinsphere.exchangesync.config.EarlyStart;
import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Starts the embedded broker early ({@link EarlyStart}), so that its few seconds of start overlap the database's
 * start, Flyway and the creation of the other beans.
 */
final class EmbeddedKafkaEarlyStart implements BeanFactoryPostProcessor, EnvironmentAware, AutoCloseable {

    private Environment environment;
    private EarlyStart<EmbeddedKafkaServer> early;

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
        Path dir = logs(binder.bindOrCreate("coinsphere", CoinsphereProperties.class));
        int port = settings.embeddedPort();
        early = EarlyStart.begin("embedded-kafka-start", List.of(dir, port), () -> EmbeddedKafkaServer.start(dir, port), () -> { });
    }

    static Path logs(CoinsphereProperties properties) {
        return properties.dataDir().resolve("kafka").toAbsolutePath();
    }

    /** The broker started early for these settings, or null (none started, or for other settings). */
    synchronized EmbeddedKafkaServer take(Path logDir, int brokerPort) throws Exception {
        return early == null ? null : early.take(List.of(logDir, brokerPort));
    }

    @Override
    public synchronized void close() throws Exception {
        if (early != null) {
            early.close();
        }
    }
}

package io.coinsphere.exchangesync.kafka;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the service's topics when they are missing; existing topics are left as they are. */
public class KafkaTopics {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaTopics.class);

    private final KafkaBootstrap bootstrap;
    private final KafkaSettings settings;

    public KafkaTopics(KafkaBootstrap bootstrap, KafkaSettings settings) {
        this.bootstrap = bootstrap;
        this.settings = settings;
    }

    public void ensureExist() {
        KafkaSettings.Partitions p = settings.partitions();
        Map<String, Integer> wanted = Map.of(KafkaSettings.REQUESTS, p.requests(), KafkaSettings.SCHEDULED, p.scheduled(),
                KafkaSettings.EVENTS, p.events(), KafkaSettings.DLQ, p.dlq());
        try (Admin admin = Admin.create(bootstrap.adminConfig(Map.of(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000)))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = wanted.entrySet().stream().filter(e -> !existing.contains(e.getKey()))
                    .map(e -> new NewTopic(e.getKey(), e.getValue(), (short) -1)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                LOG.info("Created Kafka topics {}", missing.stream().map(NewTopic::name).sorted().toList());
            }
        } catch (ExecutionException | TimeoutException e) {
            // Not fatal: the broker may come up later; until then sync requests answer 503.
            LOG.warn("Kafka at {} is not reachable to create the topics ({}); they will be auto-created on first use",
                    bootstrap.servers(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating Kafka topics", e);
        }
    }
}

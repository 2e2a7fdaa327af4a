package io.coinsphere.exchangesync.kafka;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * What operators need to see of Kafka: whether the cluster answers (the {@code kafka} health
 * component, part of readiness) and how many sync records wait in it for the consumer group
 * ({@code coinsphere.kafka.consumer.lag} per topic, refreshed at most every 15 s).
 */
@Component("kafka")
@ConditionalOnProperty(name = "coinsphere.kafka.enabled", havingValue = "true", matchIfMissing = true)
public class KafkaMonitor implements HealthIndicator, DisposableBean {

    private static final Duration REFRESH = Duration.ofSeconds(15);
    private static final long TIMEOUT_SECONDS = 3;

    private final Admin admin;
    private final Map<String, Long> lag = new HashMap<>();
    private long refreshedAt;

    public KafkaMonitor(KafkaBootstrap bootstrap, MeterRegistry registry) {
        this.admin = Admin.create(bootstrap.adminConfig(Map.of(
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS))));
        for (String topic : new String[] {KafkaSettings.REQUESTS, KafkaSettings.SCHEDULED}) {
            Gauge.builder("coinsphere.kafka.consumer.lag", this, m -> m.lag(topic))
                    .description("Records of the topic not yet committed by the exchange-sync consumer group")
                    .tag("topic", topic)
                    .register(registry);
        }
    }

    @Override
    public Health health() {
        try {
            int nodes = admin.describeCluster().nodes().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).size();
            return Health.up().withDetail("nodes", nodes).build();
        } catch (Exception e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }

    /** The group's lag on one topic; -1 while Kafka cannot be asked. */
    public synchronized long lag(String topic) {
        if (System.nanoTime() - refreshedAt > REFRESH.toNanos() || !lag.containsKey(topic)) {
            refresh();
        }
        return lag.getOrDefault(topic, -1L);
    }

    /**
     * The group's lag on the request and scheduled topics asked for now (an operator's request, not a
     * scrape): topic -> records not yet committed, -1 while Kafka cannot be asked.
     */
    public synchronized Map<String, Long> lagNow() {
        refresh();
        Map<String, Long> result = new HashMap<>();
        for (String topic : new String[] {KafkaSettings.REQUESTS, KafkaSettings.SCHEDULED}) {
            result.put(topic, lag.getOrDefault(topic, -1L));
        }
        return result;
    }

    private void refresh() {
        refreshedAt = System.nanoTime();
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(KafkaSettings.GROUP)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            for (String topic : new String[] {KafkaSettings.REQUESTS, KafkaSettings.SCHEDULED}) {
                admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                        .get(topic).partitions().forEach(p -> ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> latest = admin.listOffsets(ends).all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            lag.clear();
            latest.forEach((partition, end) -> {
                OffsetAndMetadata done = committed.get(partition);
                long behind = end.offset() - (done == null ? 0 : done.offset());
                lag.merge(partition.topic(), Math.max(0, behind), Long::sum);
            });
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            lag.clear();
        }
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(TIMEOUT_SECONDS));
    }
}

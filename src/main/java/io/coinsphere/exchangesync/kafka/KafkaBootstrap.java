package io.coinsphere.exchangesync.kafka;

/** The bootstrap address every Kafka endpoint of this instance uses: external or embedded. */
public record KafkaBootstrap(String servers) {
}

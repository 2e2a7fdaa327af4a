package io.coinsphere.exchangesync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FrameCategoriesTest {

    @Test
    void cryptoUnderTheVaultIsVaultCryptoElsewhereSigning() {
        assertThat(FrameCategories.categorize(List.of("com.sun.crypto.provider.GHASH", "javax.crypto.Cipher",
                "io.coinsphere.exchangesync.vault.AesGcmCredentialVault", "org.apache.camel.support.DefaultExchange")))
                .isEqualTo(FrameCategories.VAULT);
        assertThat(FrameCategories.categorize(List.of("com.sun.crypto.provider.HmacCore", "javax.crypto.Mac",
                "io.coinsphere.exchangesync.exchange.signing.BinanceSignature"))).isEqualTo(FrameCategories.SIGNING);
    }

    @Test
    void theInnermostKnownFrameDecides() {
        assertThat(FrameCategories.categorize(List.of("java.util.HashMap", "com.fasterxml.jackson.core.json.UTF8StreamJsonParser",
                "org.apache.camel.component.sql.SqlProducer"))).isEqualTo(FrameCategories.JSON);
        assertThat(FrameCategories.categorize(List.of("java.lang.String", "org.postgresql.core.v3.QueryExecutorImpl",
                "com.fasterxml.jackson.databind.ObjectMapper"))).isEqualTo(FrameCategories.SQL);
        assertThat(FrameCategories.categorize(List.of("org.apache.kafka.clients.consumer.KafkaConsumer",
                "org.apache.camel.component.kafka.KafkaFetchRecords"))).isEqualTo(FrameCategories.KAFKA_CLIENT);
    }

    @Test
    void brokerSamplesAndUnknownOnesAreApart() {
        assertThat(FrameCategories.categorize(List.of("org.apache.kafka.common.record.MemoryRecords", "kafka.server.ReplicaManager")))
                .isEqualTo(FrameCategories.BROKER);
        assertThat(FrameCategories.categorize(List.of("java.lang.Thread"))).isEqualTo(FrameCategories.OTHER);
        assertThat(FrameCategories.categorize(List.of())).isEqualTo(FrameCategories.OTHER);
    }
}

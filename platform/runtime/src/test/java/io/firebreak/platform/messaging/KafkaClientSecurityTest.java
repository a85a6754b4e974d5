package io.firebreak.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.platform.outbox.KafkaOutboxSender;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class KafkaClientSecurityTest {

    private static SmallRyeConfig config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withSources(new MapBackedConfigSource("test", values) {
        }).build();
    }

    @Test
    void theServicesOwnProducersSignInLikeItsChannels() {
        Map<String, Object> security = KafkaClientSecurity.settings(config(Map.of(
                "kafka.bootstrap.servers", "broker:9092",
                "kafka.security.protocol", "SASL_PLAINTEXT",
                "kafka.sasl.mechanism", "SCRAM-SHA-512",
                "kafka.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";",
                "kafka.ssl.truststore.type", "PEM",
                "kafka.health.enabled", "true",
                "quarkus.kafka.snappy.enabled", "false")));

        assertThat(security).containsOnlyKeys("security.protocol", "sasl.mechanism", "sasl.jaas.config", "ssl.truststore.type")
                .containsEntry("security.protocol", "SASL_PLAINTEXT");
        Map<String, Object> producer = KafkaOutboxSender.producerConfig("broker:9092", "svc-outbox", Duration.ofSeconds(1),
                Duration.ofSeconds(2), security);
        assertThat(producer).containsAllEntriesOf(security).containsEntry(ProducerConfig.ACKS_CONFIG, "all");
    }

    @Test
    void anUnsetVariableLeavesKafkasDefault() {
        assertThat(KafkaClientSecurity.settings(config(Map.of("kafka.security.protocol", "", "kafka.sasl.jaas.config", " "))))
                .isEmpty();
    }
}

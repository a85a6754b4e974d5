package io.firebreak.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firebreak.platform.outbox.KafkaOutboxSender;
import io.firebreak.testing.TestKafka;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform's own producers (outbox relay, intake) against a broker that requires authentication and authorizes
 * with ACLs, as the Kubernetes manifests run Kafka: with the service's {@code kafka.security/sasl.*} settings they sign
 * in and may write exactly the topic an ACL grants (Describe + Write, as the services' KafkaUsers say), nothing else.
 */
class KafkaAuthenticationTest {

    private static TestKafka.Extra broker;
    private static final String OWN = "auth-own-" + UUID.randomUUID();
    private static final String OTHER = "auth-other-" + UUID.randomUUID();

    @BeforeAll
    static void start() throws Exception {
        broker = TestKafka.startSecured();
        try (Admin admin = Admin.create(clientConfig(TestKafka.SECURED_ADMIN))) {
            admin.createTopics(List.of(new NewTopic(OWN, 1, (short) 1), new NewTopic(OTHER, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            String principal = "User:" + TestKafka.SECURED_USER[0];
            admin.createAcls(List.of(
                    new AclBinding(new ResourcePattern(ResourceType.TOPIC, OWN, PatternType.LITERAL),
                            new AccessControlEntry(principal, "*", AclOperation.WRITE, AclPermissionType.ALLOW)),
                    new AclBinding(new ResourcePattern(ResourceType.TOPIC, OWN, PatternType.LITERAL),
                            new AccessControlEntry(principal, "*", AclOperation.DESCRIBE, AclPermissionType.ALLOW))))
                    .all().get(30, TimeUnit.SECONDS);
            awaitGrantsInForce(admin);
        }
    }

    /**
     * CreateAcls returns once the controller has committed the records; the broker applies them from the metadata log a
     * moment later, and a producer that asks for the topic's metadata in between is refused (a CI run failed so). The
     * broker answers DescribeAcls from that same authorizer, so once it lists both grants they are in force.
     */
    private static void awaitGrantsInForce(Admin admin) throws Exception {
        AclBindingFilter ownTopic = new AclBindingFilter(
                new ResourcePatternFilter(ResourceType.TOPIC, OWN, PatternType.LITERAL), AccessControlEntryFilter.ANY);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (admin.describeAcls(ownTopic).values().get(30, TimeUnit.SECONDS).size() < 2) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the broker did not apply the topic grants within 30 s");
            }
            Thread.sleep(50);
        }
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    private static Map<String, Object> clientConfig(String[] user) {
        Map<String, Object> config = new java.util.HashMap<>(KafkaClientSecurity.settings(new SmallRyeConfigBuilder()
                .withSources(new MapBackedConfigSource("service", Map.of(
                        "kafka.security.protocol", "SASL_PLAINTEXT",
                        "kafka.sasl.mechanism", "PLAIN",
                        "kafka.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                                + user[0] + "\" password=\"" + user[1] + "\";")) {
                }).build()));
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return config;
    }

    private static Map<String, Object> producer(Map<String, Object> security) {
        return KafkaOutboxSender.producerConfig(broker.bootstrapServers(), "auth-test", Duration.ofSeconds(5), Duration.ofSeconds(10),
                security);
    }

    @Test
    void theServicesProducerSignsInAndWritesTheTopicItsAclGrants() throws Exception {
        Map<String, Object> security = new java.util.HashMap<>(clientConfig(TestKafka.SECURED_USER));
        security.remove(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(producer(security), new StringSerializer(), new ByteArraySerializer())) {
            assertThat(p.send(new ProducerRecord<>(OWN, "k", new byte[]{1})).get(20, TimeUnit.SECONDS).topic()).isEqualTo(OWN);
            assertThatThrownBy(() -> p.send(new ProducerRecord<>(OTHER, "k", new byte[]{1})).get(20, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void withoutTheSettingsTheBrokerTakesNothing() {
        Properties none = new Properties();
        none.putAll(producer(Map.of()));
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(none, new StringSerializer(), new ByteArraySerializer())) {
            assertThatThrownBy(() -> p.send(new ProducerRecord<>(OWN, "k", new byte[]{1})).get(20, TimeUnit.SECONDS))
                    .isInstanceOfAny(java.util.concurrent.ExecutionException.class, org.apache.kafka.common.errors.TimeoutException.class);
        }
    }
}

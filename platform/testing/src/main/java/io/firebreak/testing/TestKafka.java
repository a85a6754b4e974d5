package io.firebreak.testing;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node KRaft Kafka broker inside the test JVM (Kafka's own test kit, at the
 * kafka-clients version of the Quarkus BOM). Started once per JVM on a free port, stopped when the
 * JVM exits; the bootstrap address is shared through a system property.
 */
public final class TestKafka {

    private static final String BOOTSTRAP_PROPERTY = "firebreak.test.kafka.bootstrap";
    private static KafkaClusterTestKit cluster;

    private TestKafka() {
    }

    public static synchronized String start() {
        String running = System.getProperty(BOOTSTRAP_PROPERTY);
        if (running != null) {
            return running;
        }
        // A broker inside the test JVM must never end it: Kafka halts the process on fatal faults,
        // which it can raise while the JVM is already shutting down, turning a green run red.
        Exit.setExitProcedure((code, message) -> System.err.println("[test-kafka] broker asked to exit(" + code + "): " + message));
        Exit.setHaltProcedure((code, message) -> System.err.println("[test-kafka] broker asked to halt(" + code + "): " + message));
        cluster = startCluster(java.util.Map.of("auto.create.topics.enable", "true"));
        KafkaClusterTestKit started = cluster;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                started.close();
            } catch (Exception ignored) {
                // the JVM is exiting; the log directories are temporary
            }
        }, "stop-test-kafka"));
        System.setProperty(BOOTSTRAP_PROPERTY, cluster.bootstrapServers());
        return cluster.bootstrapServers();
    }

    /**
     * A second, separate broker for fault tests, configured to refuse what the shared one accepts
     * (e.g. {@code auto.create.topics.enable=false}, a small {@code message.max.bytes}); stop it to test
     * a broker that is gone. Close it when done.
     */
    public static Extra startExtra(java.util.Map<String, String> overrides) {
        java.util.Map<String, String> config = new java.util.HashMap<>(java.util.Map.of("auto.create.topics.enable", "false"));
        config.putAll(overrides);
        KafkaClusterTestKit extra = startCluster(config);
        return new Extra(extra, extra.bootstrapServers());
    }

    /**
     * A separate broker whose client listener requires SASL (PLAIN) and authorizes with ACLs ({@code StandardAuthorizer}):
     * {@link #SECURED_ADMIN} is a super user, {@link #SECURED_USER} may do only what ACLs grant it. Close it when done.
     */
    public static Extra startSecured() {
        KafkaClusterTestKit secured = startCluster(java.util.Map.of("auto.create.topics.enable", "false"),
                org.apache.kafka.common.security.auth.SecurityProtocol.SASL_PLAINTEXT);
        return new Extra(secured, secured.bootstrapServers());
    }

    /** The super user of {@link #startSecured()}: user name and password. */
    public static final String[] SECURED_ADMIN = {org.apache.kafka.common.test.JaasUtils.KAFKA_PLAIN_ADMIN,
            org.apache.kafka.common.test.JaasUtils.KAFKA_PLAIN_ADMIN_PASSWORD};
    /** The ordinary user of {@link #startSecured()}: user name and password. */
    public static final String[] SECURED_USER = {org.apache.kafka.common.test.JaasUtils.KAFKA_PLAIN_USER1,
            org.apache.kafka.common.test.JaasUtils.KAFKA_PLAIN_USER1_PASSWORD};

    /** A broker started by {@link #startExtra}. */
    public record Extra(KafkaClusterTestKit cluster, String bootstrapServers) implements AutoCloseable {
        @Override
        public void close() {
            try {
                cluster.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop the extra test broker", e);
            }
        }
    }

    private static KafkaClusterTestKit startCluster(java.util.Map<String, String> overrides) {
        return startCluster(overrides, org.apache.kafka.common.security.auth.SecurityProtocol.PLAINTEXT);
    }

    private static KafkaClusterTestKit startCluster(java.util.Map<String, String> overrides,
                                                    org.apache.kafka.common.security.auth.SecurityProtocol protocol) {
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setBrokerSecurityProtocol(protocol)
                    .setControllerSecurityProtocol(protocol)
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("num.partitions", "3")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "3")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                    .setConfigProp("share.coordinator.state.topic.min.isr", "1");
            overrides.forEach(builder::setConfigProp);
            KafkaClusterTestKit started = builder.build();
            started.format();
            started.startup();
            started.waitForReadyBrokers();
            return started;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start a test Kafka broker", e);
        }
    }

    public static String bootstrapServers() {
        String servers = System.getProperty(BOOTSTRAP_PROPERTY);
        if (servers == null) {
            throw new IllegalStateException("test Kafka is not started");
        }
        return servers;
    }
}

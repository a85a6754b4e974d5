package io.firebreak.classification.api;

import static io.firebreak.classification.support.Fixtures.API;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.classification.support.Fixtures;
import io.firebreak.testing.TestKafka;
import io.firebreak.testing.TestKafkaClient;
import io.firebreak.testing.TestPostgres;
import io.firebreak.testing.TestRun;
import io.firebreak.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A replica of the {@code classification-intake} Deployment (processing switched off): it accepts alerts onto the
 * signals topic and leaves them there for the processing replicas — it takes no partition of the signals topic,
 * so a storm's processing never competes with intake for its cores.
 */
@QuarkusTest
@TestProfile(IntakeOnlyReplicaTest.IntakeOnly.class)
class IntakeOnlyReplicaTest {

    private static final String TOPIC = TestRun.namespace() + ".signals";

    public static class IntakeOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("firebreak.classification.processing.enabled", "false");
        }
    }

    @Test
    void anIntakeReplicaAcceptsAlertsOntoTheTopicWithoutConsumingTheSignalsTopic() throws Exception {
        String service = Fixtures.uniqueName("intake-only");
        String owner = "owner-" + service;
        Fixtures.service(service, 1, owner);
        String key = given().auth().oauth2(Tokens.as(owner, "service-owner")).contentType(ContentType.JSON)
                .body(Map.of("name", "prometheus")).when().post(API + "/services/" + service + "/integration-keys")
                .then().statusCode(201).extract().path("routingKey");
        String dedupKey = Fixtures.uniqueName("checkout");

        given().contentType(ContentType.JSON).body("{\"routing_key\":\"" + key + "\",\"event_action\":\"trigger\","
                        + "\"dedup_key\":\"" + dedupKey + "\",\"payload\":{\"summary\":\"Checkout errors\",\"source\":\"prom-1\","
                        + "\"severity\":\"critical\"}}")
                .when().post("/v2/enqueue").then().statusCode(202);

        TestKafkaClient.readUntil(TOPIC, read -> read.stream().anyMatch(r -> TestKafkaClient.value(r).contains(dedupKey)),
                Duration.ofSeconds(20));
        assertThat(signalsTopicConsumers()).as("members of this service's group reading %s", TOPIC).isEmpty();
        // Nothing here stores it: the signal waits on the topic for a processing replica.
        Thread.sleep(3_000);
        assertThat(storedSignals(service)).isZero();
    }

    private static List<String> signalsTopicConsumers() throws Exception {
        String group = ConfigProvider.getConfig().getValue("mp.messaging.connector.smallrye-kafka.group.id", String.class);
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            ConsumerGroupDescription description;
            try {
                description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof GroupIdNotFoundException) {
                    return List.of(); // no channel of this run has joined it yet: nobody reads the signals topic
                }
                throw e;
            }
            // The service's other channels share the group; none of their members may hold a signals partition.
            return description.members().stream()
                    .filter(m -> m.assignment().topicPartitions().stream().anyMatch(p -> p.topic().equals(TOPIC)))
                    .map(MemberDescription::consumerId).toList();
        }
    }

    private static long storedSignals(String service) throws Exception {
        try (Connection c = TestPostgres.connect();
             PreparedStatement s = c.prepareStatement("select count(*) from classification.signal where service = ?")) {
            s.setString(1, service);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}

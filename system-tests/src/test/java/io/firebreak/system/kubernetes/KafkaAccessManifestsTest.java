package io.firebreak.system.kubernetes;

import static io.firebreak.system.kubernetes.Manifests.CONTEXTS;
import static io.firebreak.system.kubernetes.Manifests.named;
import static io.firebreak.system.kubernetes.Manifests.ofKind;
import static io.firebreak.system.kubernetes.Manifests.render;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.firebreak.events.Topics;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kafka in the manifests follows the code: a KafkaTopic for every topic of the event contract (platform/events) and
 * its dead-letter topic, and each service's KafkaUser allowed exactly what the service does according to its own
 * configuration — write its outbox topic, read what its channels subscribe to, write those topics' dead letters, use
 * its consumer group. A new topic or subscription without its manifest fails here.
 */
class KafkaAccessManifestsTest {

    static Set<String> contractTopics() throws IllegalAccessException {
        Set<String> topics = new TreeSet<>();
        for (Field f : Topics.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class
                    && !Set.of("DEFAULT_NAMESPACE", "DLQ_SUFFIX").contains(f.getName())) {
                topics.add((String) f.get(null));
            }
        }
        return topics;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyContractTopicAndItsDeadLettersHaveAKafkaTopic(String overlay) throws Exception {
        Set<String> expected = new TreeSet<>();
        for (String topic : contractTopics()) {
            expected.add(topic);
            expected.add(Topics.dlq(topic));
        }
        Set<String> declared = new TreeSet<>();
        for (JsonNode t : ofKind(render(overlay), "KafkaTopic")) {
            declared.add(t.path("spec").path("topicName").asText());
            assertThat(t.path("spec").path("partitions").asInt()).as(Manifests.name(t)).isPositive();
            assertThat(t.path("spec").path("config").path("retention.ms").asLong()).as(Manifests.name(t)).isPositive();
            assertThat(t.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo("firebreak-kafka");
        }
        assertThat(declared).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void eachServiceMayProduceAndConsumeExactlyWhatItsChannelsUse(String overlay) throws Exception {
        var objects = render(overlay);
        for (String ctx : CONTEXTS) {
            Properties config = serviceConfig(ctx);
            Set<String> expected = new TreeSet<>();
            expected.add("topic " + Topics.name(Topics.DEFAULT_NAMESPACE, ctx) + " Describe,Write");
            String intake = config.getProperty("firebreak.intake.topic");
            if (intake != null) {
                expected.add("topic " + resolve(intake, config) + " Describe,Write");
            }
            for (String name : config.stringPropertyNames()) {
                Matcher m = INCOMING_TOPIC.matcher(name);
                if (m.matches()) {
                    String topic = resolve(config.getProperty(name), config);
                    expected.add("topic " + topic + " Describe,Read");
                    expected.add("topic " + Topics.dlq(topic) + " Describe,Write");
                }
            }
            expected.add("group " + config.getProperty("quarkus.application.name") + " Read");

            JsonNode user = named(objects, "KafkaUser", ctx + "-service");
            assertThat(user.path("spec").path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
            Set<String> granted = new TreeSet<>();
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                assertThat(acl.path("resource").path("patternType").asText()).as(ctx + ": no prefix or wildcard grants").isEqualTo("literal");
                Set<String> ops = new TreeSet<>();
                acl.path("operations").forEach(op -> ops.add(op.asText()));
                granted.add(acl.path("resource").path("type").asText() + " " + acl.path("resource").path("name").asText() + " " + String.join(",", ops));
            }
            assertThat(granted).as(ctx).isEqualTo(expected);
        }
        // Every Deployment of a service (classification's intake replicas too) signs in as that service's user: the
        // credentials the User Operator writes for it.
        Manifests.DEPLOYMENTS.forEach((deployment, ctx) -> {
            JsonNode env = named(objects, "Deployment", deployment).path("spec").path("template").path("spec").path("containers").get(0).path("env");
            assertThat(env.findValues("secretKeyRef")).as(deployment).anySatisfy(ref -> {
                assertThat(ref.path("name").asText()).isEqualTo(ctx + "-service");
                assertThat(ref.path("key").asText()).isEqualTo("sasl.jaas.config");
            });
            assertThat(env.findValues("value").stream().map(JsonNode::asText)).as(deployment).contains(ctx + "-service");
        });
    }

    private static final Pattern INCOMING_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.[^.]+\\.topic");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)}");

    private static Properties serviceConfig(String ctx) throws IOException {
        Properties p = new Properties();
        try (Reader platform = Files.newBufferedReader(Manifests.root().resolve("platform/runtime/src/main/resources/META-INF/microprofile-config.properties"));
             Reader own = Files.newBufferedReader(Manifests.root().resolve(ctx + "-service/src/main/resources/application.properties"))) {
            p.load(platform);
            p.load(own);
        }
        return p;
    }

    private static String resolve(String value, Properties config) {
        String out = value;
        for (int i = 0; i < 10; i++) {
            Matcher m = PLACEHOLDER.matcher(out);
            if (!m.find()) {
                return out;
            }
            out = out.substring(0, m.start()) + config.getProperty(m.group(1), "?" + m.group(1)) + out.substring(m.end());
        }
        return out;
    }
}

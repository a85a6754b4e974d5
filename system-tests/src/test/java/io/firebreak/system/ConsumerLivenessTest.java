package io.firebreak.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * A Kafka consumer whose oldest unacknowledged record is older than {@code throttled.unprocessed-record-max-age.ms}
 * is declared dead by the connector (liveness and readiness DOWN for good). With the connector's default of 60 s, a
 * burst of 300 declarations in the fault run kept response's records waiting ~63 s and left both replicas DOWN
 * (docs/reliability.md). Every service inherits the platform's setting, and none lowers it for a channel.
 */
class ConsumerLivenessTest {

    private static final String KEY = "throttled.unprocessed-record-max-age.ms";
    private static final List<String> SERVICES = List.of("classification", "response", "comms", "change", "review", "metrics");
    private static final Duration AT_LEAST = Duration.ofMinutes(5);

    @Test
    void aSlowButProgressingConsumerIsNotDeclaredDeadWithinFiveMinutes() throws IOException {
        Properties platform = load(root().resolve("platform/runtime/src/main/resources/META-INF/microprofile-config.properties"));
        String connector = platform.getProperty("mp.messaging.connector.smallrye-kafka." + KEY);
        assertThat(connector).as("the platform sets %s for every channel", KEY).isNotNull();
        assertThat(Long.parseLong(connector.trim())).as("platform %s", KEY).isGreaterThanOrEqualTo(AT_LEAST.toMillis());
        for (String service : SERVICES) {
            Properties own = load(root().resolve(service + "-service/src/main/resources/application.properties"));
            for (String name : own.stringPropertyNames()) {
                if (name.endsWith(KEY)) {
                    assertThat(Long.parseLong(own.getProperty(name).trim())).as("%s: %s", service, name)
                            .isGreaterThanOrEqualTo(AT_LEAST.toMillis());
                }
            }
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        return p;
    }

    private static Path root() {
        return Path.of(System.getProperty("user.dir")).getParent();
    }
}

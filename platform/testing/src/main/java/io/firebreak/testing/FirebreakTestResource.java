package io.firebreak.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives a service under test real infrastructure, started by the test run itself: PostgreSQL
 * (the service's Flyway scripts migrate its schema at boot), a KRaft Kafka broker with per-run
 * topic and consumer-group names, an SMTP server whose mailbox tests read, and token verification
 * against this run's test key. Both
 * servers outlive Quarkus restarts between test profiles and stop with the JVM.
 */
public class FirebreakTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = infrastructureConfig();
        config.put("mp.messaging.connector.smallrye-kafka.group.id", "${quarkus.application.name}-" + TestRun.id());
        return config;
    }

    /**
     * Starts PostgreSQL and Kafka if needed and answers the configuration that points a service at
     * them, as system properties for a packaged app or as test-resource config.
     */
    public static Map<String, String> infrastructureConfig() {
        TestPostgres.start();
        String bootstrap = TestKafka.start();
        TestKeys.ensure();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.reactive.url", TestPostgres.reactiveUrl());
        config.put("quarkus.datasource.jdbc.url", TestPostgres.jdbcUrl());
        config.put("quarkus.datasource.username", TestPostgres.USER);
        config.put("quarkus.datasource.password", TestPostgres.PASSWORD);
        config.put("kafka.bootstrap.servers", bootstrap);
        config.put("firebreak.kafka.namespace", TestRun.namespace());
        config.put("quarkus.oidc.public-key", TestKeys.publicKey());
        // Empty clears a provider URL set in a lower-priority source (the prod default): verify locally, discover nothing.
        config.put("quarkus.oidc.auth-server-url", "");
        config.put("quarkus.oidc.token.issuer", TestKeys.ISSUER);
        config.put("firebreak.audit.key", TestKeys.auditKey());
        // A real SMTP server (Quarkus would otherwise mock the mailer in tests).
        config.put("quarkus.mailer.mock", "false");
        config.put("quarkus.mailer.host", "127.0.0.1");
        config.put("quarkus.mailer.port", String.valueOf(TestSmtp.start()));
        config.put("quarkus.mailer.from", "firebreak@test.invalid");
        config.put("quarkus.mailer.start-tls", "DISABLED");
        return config;
    }

    @Override
    public void stop() {
        // Shared by every Quarkus boot of this JVM; stopped by shutdown hooks when the JVM exits.
    }
}

package io.firebreak.platform.outbox;

import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import io.firebreak.platform.messaging.KafkaClientSecurity;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The production sender: the service's own idempotent Kafka producer, created at start-up. */
@ApplicationScoped
public class OutboxSenderProducer {

    @Produces
    @DefaultBean
    @Startup
    @ApplicationScoped
    OutboxSender kafkaSender(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                             @ConfigProperty(name = "quarkus.application.name") String application,
                             OutboxConfig config, Config allConfig) {
        return new KafkaOutboxSender(KafkaOutboxSender.producerConfig(bootstrapServers, application + "-outbox",
                config.maxBlock(), config.deliveryTimeout(), KafkaClientSecurity.settings(allConfig)));
    }

    void close(@Disposes OutboxSender sender) throws Exception {
        if (sender instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}

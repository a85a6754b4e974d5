package io.firebreak.platform.outbox;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The production sender: the service's own idempotent Kafka producer. */
@ApplicationScoped
public class OutboxSenderProducer {

    @Produces
    @DefaultBean
    @ApplicationScoped
    OutboxSender kafkaSender(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                             @ConfigProperty(name = "quarkus.application.name") String application) {
        return new KafkaOutboxSender(bootstrapServers, application + "-outbox");
    }

    void close(@Disposes OutboxSender sender) throws Exception {
        if (sender instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}

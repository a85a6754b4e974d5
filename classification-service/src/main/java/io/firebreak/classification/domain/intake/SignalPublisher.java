package io.firebreak.classification.domain.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.events.Sources;
import io.firebreak.platform.outbox.KafkaOutboxSender;
import io.firebreak.platform.outbox.OutboxRow;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Puts accepted signals on the signals topic as CloudEvents, with the platform's idempotent
 * {@code acks=all} producer: intake answers 202 only once the broker has the signal. Nothing is
 * written to the database on this path, so intake scales with the broker, not with PostgreSQL.
 */
@ApplicationScoped
public class SignalPublisher {

    private final KafkaOutboxSender sender;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final String topic;

    public SignalPublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
                           @ConfigProperty(name = "firebreak.intake.topic") String topic,
                           @ConfigProperty(name = "quarkus.application.name") String application,
                           ObjectMapper mapper, Clock clock) {
        this.sender = new KafkaOutboxSender(bootstrap, application + "-intake");
        this.mapper = mapper;
        this.clock = clock;
        this.topic = topic;
    }

    public Uni<UUID> publish(String type, String key, Object data) {
        UUID id = UUID.randomUUID();
        String payload;
        try {
            payload = mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        OutboxRow row = new OutboxRow(0, id, topic, key, type, Sources.CLASSIFICATION, key,
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), payload, 0);
        return sender.send(row).replaceWith(id);
    }

    void close(@Observes ShutdownEvent event) {
        sender.close();
    }
}

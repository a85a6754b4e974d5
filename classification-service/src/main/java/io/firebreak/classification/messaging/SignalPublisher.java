package io.firebreak.classification.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.classification.config.ClassificationConfig;
import io.firebreak.classification.domain.intake.SignalSink;
import io.firebreak.events.Sources;
import io.firebreak.platform.messaging.DirectPublisher;
import io.firebreak.platform.outbox.OutboxRow;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import io.firebreak.platform.messaging.KafkaClientSecurity;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Puts accepted signals on the signals topic as CloudEvents with intake's own idempotent {@code acks=all}
 * producer (never the outbox relay's): intake answers 202 only once the broker has the signal, and 503
 * with Retry-After when the broker cannot take it in time or too many signals already wait. Nothing is
 * written to the database on this path, so intake scales with the broker, not with PostgreSQL.
 */
@ApplicationScoped
@Startup
public class SignalPublisher implements SignalSink {

    private final DirectPublisher publisher;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final String topic;

    public SignalPublisher(@ConfigProperty(name = "quarkus.application.name") String application,
                           @ConfigProperty(name = "firebreak.intake.topic") String topic,
                           ClassificationConfig config, ObjectMapper mapper, Clock clock, Config allConfig) {
        ClassificationConfig.Publisher settings = config.intake().publisher();
        this.publisher = new DirectPublisher(settings.bootstrapServers(), KafkaClientSecurity.settings(allConfig),
                application + "-intake", settings.maxPending(),
                settings.timeout(), settings.retryAfter());
        this.mapper = mapper;
        this.clock = clock;
        this.topic = topic;
    }

    @Override
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
        return publisher.publish(row).replaceWith(id);
    }

    void close(@Observes ShutdownEvent event) throws Exception {
        publisher.close();
    }
}

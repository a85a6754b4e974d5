package io.firebreak.classification.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.classification.domain.intake.SignalProcessor;
import io.firebreak.events.EventTypes;
import io.firebreak.events.SignalReceived;
import io.firebreak.platform.inbox.CloudEventEnvelope;
import io.firebreak.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Processes accepted signals from the signals topic through the idempotent inbox. Change events are for the change service. */
@ApplicationScoped
public class SignalConsumer {

    static final String CONSUMER = "classification.signals";

    private final Inbox inbox;
    private final SignalProcessor processor;
    private final ObjectMapper mapper;

    public SignalConsumer(Inbox inbox, SignalProcessor processor, ObjectMapper mapper) {
        this.inbox = inbox;
        this.processor = processor;
        this.mapper = mapper;
    }

    @Incoming("signals")
    public Uni<Void> consume(Message<byte[]> message) {
        return inbox.handle(message, CONSUMER, this::apply);
    }

    private Uni<Void> apply(CloudEventEnvelope event) {
        if (!EventTypes.SIGNAL_RECEIVED.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        return processor.process(event.id(), event.data(mapper, SignalReceived.class),
                new String(event.data(), StandardCharsets.UTF_8));
    }
}

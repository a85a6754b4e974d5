package io.firebreak.classification.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.classification.domain.intake.AcceptedSignal;
import io.firebreak.classification.domain.intake.SignalProcessor;
import io.firebreak.events.EventTypes;
import io.firebreak.events.SignalReceived;
import io.firebreak.platform.inbox.BatchInbox;
import io.firebreak.platform.inbox.CloudEventEnvelope;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Processes accepted signals from the signals topic a polled batch at a time, in one transaction per batch
 * through the idempotent batch inbox (a failing batch is replayed record by record). Change events on the
 * topic are for the change service.
 */
@ApplicationScoped
public class SignalConsumer {

    static final String CONSUMER = "classification.signals";

    private final BatchInbox inbox;
    private final SignalProcessor processor;
    private final ObjectMapper mapper;

    public SignalConsumer(BatchInbox inbox, SignalProcessor processor, ObjectMapper mapper) {
        this.inbox = inbox;
        this.processor = processor;
        this.mapper = mapper;
    }

    @Incoming("signals")
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return inbox.handle(batch, CONSUMER, EventTypes.SIGNAL_RECEIVED::equals,
                events -> processor.process(accepted(events)),
                event -> processor.process(accepted(List.of(event))));
    }

    private List<AcceptedSignal> accepted(List<CloudEventEnvelope> events) {
        List<AcceptedSignal> signals = new ArrayList<>(events.size());
        for (CloudEventEnvelope event : events) {
            signals.add(new AcceptedSignal(event.id(), event.data(mapper, SignalReceived.class),
                    new String(event.data(), StandardCharsets.UTF_8)));
        }
        return signals;
    }
}

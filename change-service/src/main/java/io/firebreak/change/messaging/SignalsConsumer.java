package io.firebreak.change.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.change.domain.changes.Effectiveness;
import io.firebreak.change.domain.intake.Intake;
import io.firebreak.events.ChangeReceived;
import io.firebreak.events.EventTypes;
import io.firebreak.events.SignalReceived;
import io.firebreak.platform.inbox.CloudEventEnvelope;
import io.firebreak.platform.inbox.BatchInbox;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * PagerDuty change events accepted by classification's {@code /v2/change/enqueue}, and alert triggers and resolves
 * (when each alert group started and whether it still fires, for the effectiveness review).
 */
@ApplicationScoped
public class SignalsConsumer {

    static final String CONSUMER = "change.signals";

    private final BatchInbox inbox;
    private final Intake intake;
    private final Effectiveness effectiveness;
    private final ObjectMapper mapper;

    public SignalsConsumer(BatchInbox inbox, Intake intake, Effectiveness effectiveness, ObjectMapper mapper) {
        this.inbox = inbox;
        this.intake = intake;
        this.effectiveness = effectiveness;
        this.mapper = mapper;
    }

    /**
     * A polled batch at a time, one transaction per batch: an alert storm passes through here too, so the batch's
     * signals are folded into one write per alert group (Effectiveness.alertSignals); change events one by one. An
     * alert signal leaves no inbox row: its fold (earliest trigger, latest trigger and resolve, the first summary) is
     * the same however often it is applied, so deduplicating it would only cost an insert per alert.
     */
    @Incoming("signals")
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return inbox.handle(batch, CONSUMER, type -> EventTypes.CHANGE_RECEIVED.equals(type) || EventTypes.SIGNAL_RECEIVED.equals(type),
                EventTypes.SIGNAL_RECEIVED::equals, this::applyAll, event -> applyAll(List.of(event)));
    }

    private Uni<Void> applyAll(List<CloudEventEnvelope> events) {
        List<SignalReceived> signals = new ArrayList<>();
        Uni<Void> all = Uni.createFrom().voidItem();
        for (CloudEventEnvelope event : events) {
            if (EventTypes.SIGNAL_RECEIVED.equals(event.type())) {
                signals.add(event.data(mapper, SignalReceived.class));
            } else {
                all = all.call(() -> intake.pagerDuty(event.id().toString(), event.data(mapper, ChangeReceived.class)));
            }
        }
        return all.call(() -> effectiveness.alertSignals(signals));
    }
}
